/// Attributes Topograph adds beyond format v1 so lint can see security groups, encryption,
/// Multi-AZ, Redis AUTH, S3 public access, listener protocols, public IPs and IAM policies.
/// One table keyed by kind id (every kind has an entry, most of them empty) rather than
/// edits to each kind's definition, so parallel catalog additions do not collide;
/// `KindCatalog.all` appends each kind's entry to its attributes. All are optional, so
/// every format v1 file stays valid.
extension KindCatalog {
    /// One security-group-like inbound rule. Connections already say who talks to whom;
    /// `ingress:` adds what the graph lacks (a CIDR, a port) and, once written, is the
    /// complete list of what may come in.
    static let ingressRule = AttributeType.object([
        AttributeSpec("from", .string, "A resource id, a CIDR (`0.0.0.0/0`, `10.0.0.0/16`) or `internet`.", required: true),
        AttributeSpec("port", .port, "The port allowed in; all ports when omitted."),
        AttributeSpec("protocol", .oneOf(["tcp", "udp", "all"]), "Protocol (default tcp)."),
    ])

    static let ingressAttribute = AttributeSpec(
        "ingress", .list(ingressRule),
        "Security-group inbound rules: `[{ from: 0.0.0.0/0, port: 443 }, { from: alb, port: 8080 }]`. Once written, it is the complete list: a connection into the resource it does not allow is blocked.",
        isExtension: true)

    private static let encrypted = AttributeSpec("encrypted", .bool, "Encryption at rest.", isExtension: true)
    private static let multiAZ = AttributeSpec("multi_az", .bool, "Whether a standby (RDS, Aurora replica, Redis replica with automatic failover) runs in another zone.", isExtension: true)

    static let loadBalancerSecurity: [AttributeSpec] = [
        ingressAttribute,
        AttributeSpec(
            "listener_protocols", .stringMap,
            "Protocol of each listener port: `{ \"80\": HTTP, \"443\": HTTPS }` (NLB: TCP, TLS, UDP). Unwritten ports follow the convention (443 HTTPS, others HTTP/TCP).",
            isExtension: true),
        AttributeSpec("certificate", .string, "ACM certificate ARN of the HTTPS/TLS listener.", isExtension: true),
    ]

    static let securityAttributeExtensions: [KindID: [AttributeSpec]] = [
        .user: [], .internet: [], .externalService: [],
        .vpc: [], .availabilityZone: [], .subnet: [], .internetGateway: [], .natGateway: [],
        .vpcEndpoint: [ingressAttribute], .vpcLink: [], .route53: [], .cloudfront: [],
        .waf: [
            AttributeSpec(
                "protects", .list(.reference([.alb, .restAPI, .httpAPI, .cloudfront, .cognito])),
                "What the web ACL is associated with (a connection from the WAF says the same).", isExtension: true),
        ],
        .cognito: [], .securityGroup: [ingressAttribute],
        .iamRole: [
            AttributeSpec("managed_policies", .list(.string), "Managed policies attached to the role, e.g. [AmazonECSTaskExecutionRolePolicy].", isExtension: true),
        ],
        .alb: loadBalancerSecurity + [
            AttributeSpec("https_redirect", .bool, "Whether the HTTP listener redirects to HTTPS (443).", isExtension: true),
            AttributeSpec("path_rules", .list(.string), "Path patterns of the listener rules, e.g. [\"/auth/*\"] (seed 003 routes services by path).", isExtension: true),
        ],
        .nlb: loadBalancerSecurity,
        .httpAPI: [], .restAPI: [],
        .ecsCluster: [],
        .ecsService: [
            ingressAttribute,
            AttributeSpec("assign_public_ip", .bool, "Whether tasks get a public IP (awsvpc `assignPublicIp`; AWS's default is off).", isExtension: true),
        ],
        .lambda: [ingressAttribute], .ec2: [ingressAttribute], .autoscaling: [],
        .redis: [
            ingressAttribute, encrypted, multiAZ,
            AttributeSpec("auth", .bool, "Whether clients must authenticate (AUTH token or RBAC user groups); needs `tls: true`.", isExtension: true),
        ],
        .rds: [
            ingressAttribute, encrypted, multiAZ,
            AttributeSpec("backup_retention", .int, "Days automated backups are kept; 0 turns them off.", isExtension: true),
        ],
        .aurora: [
            ingressAttribute, encrypted, multiAZ,
            AttributeSpec("backup_retention", .int, "Days automated backups are kept (Aurora keeps at least 1).", isExtension: true),
        ],
        .dynamodb: [],
        .s3: [
            AttributeSpec("public_access", .bool, "Whether Block Public Access is off and a policy or ACL makes objects public.", isExtension: true),
            AttributeSpec("encrypted", .bool, "Server-side encryption (S3 applies SSE-S3 to every new object since January 2023).", isExtension: true),
        ],
        .ecr: [], .cloudwatch: [], .cloudMap: [], .generic: [],
    ]

    /// A kind with its extension attributes appended.
    static func withSecurityExtensions(_ spec: KindSpec) -> KindSpec {
        var spec = spec
        spec.attributes += securityAttributeExtensions[spec.id] ?? []
        return spec
    }
}
