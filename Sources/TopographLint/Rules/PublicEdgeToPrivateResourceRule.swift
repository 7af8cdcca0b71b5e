import TopographModel

struct PublicEdgeToPrivateResourceRule: LintRule {
    static let description = LintRuleDescription(
        id: "public-edge-to-private-resource", name: "Traffic from the internet bypasses the front door", category: .security, severity: .warning,
        summary: "A user or the internet connects straight to a private resource, bypassing a load balancer or API",
        rationale: """
            Users reach a private architecture through its front door: an internet-facing load \
            balancer, API Gateway, CloudFront or DNS. An edge from `user` or `internet` straight to a \
            service, a database, an internal load balancer or anything else inside the VPC either \
            documents a path that cannot work (the resource has no public address) or a hole that \
            should not exist. ElastiCache never has a public address, and an RDS database only \
            with `public: true`, so a public subnet does not make them reachable; neither is a \
            private REST API. Resources outside any VPC (S3, DynamoDB, a Lambda function URL) \
            are public AWS endpoints and are not reported.
            """,
        fix: "Route the connection through the load balancer or API in front of the resource.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  users: { kind: user }
                  web: { kind: ecs-service }
                  vpc: { kind: vpc }
                  internal: { kind: alb, in: vpc, scheme: internal }
                  db: { kind: rds, in: vpc }
                connections:
                  - users -> ↓web
                  - users -> ↓internal
                  - { from: users, to: ↓db, port: 5432 }
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  net: { kind: internet }
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public }
                  cache: { kind: elasticache-redis, in: public-a, role: cache }
                  internal-api: { kind: api-gateway-rest, endpoint: private }
                connections:
                  - net -> ↓cache
                  - net -> ↓internal-api
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  users: { kind: user }
                  net: { kind: internet }
                  vpc: { kind: vpc }
                  alb: { kind: alb, in: vpc }
                  api: { kind: api-gateway-http }
                  web: { kind: ecs-service, in: vpc }
                  assets: { kind: s3 }
                  hook: { kind: lambda }
                  public-a: { kind: subnet, in: vpc, access: public }
                  bastion: { kind: ec2, in: public-a }
                connections:
                  - users -> bastion
                  - users -> alb
                  - users -> api
                  - users -> assets
                  - net -> hook
                  - alb -> web
                """),
        ])

    /// Kinds that exist only inside a VPC, so a topology need not draw the VPC around them.
    static let vpcOnlyKinds: Set<KindID> = [
        .ecsService, .ecsCluster, .rds, .aurora, .redis, .vpcLink, .vpcEndpoint, .natGateway,
        .securityGroup, .subnet,
    ]

    /// Kinds that are meant to be reached from the internet even when drawn inside the VPC.
    static let entryKinds: Set<KindID> = [.internetGateway, .vpc, .availabilityZone]

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for connection in topology.connections {
            guard let source = topology.resource(connection.from), [.user, .internet].contains(source.kind),
                  let target = topology.resource(connection.to), isPrivate(target, in: topology) else { continue }
            violations.append(LintViolation(
                at: connection.toLocation,
                "'\(connection.endpoints)' reaches \(target.kind) '\(target.id)' directly, bypassing a load balancer or API",
                resource: target.id))
        }
        return violations
    }

    static func isPrivate(_ resource: Resource, in topology: StageTopology) -> Bool {
        switch resource.kind {
        case .alb, .nlb: return !resource.isInternetFacing
        case .subnet: return resource.subnetAccess == "private"
        // A private REST API has no public address at all.
        case .restAPI: return resource.string("endpoint") == "private"
        // ElastiCache nodes never get a public IP, whatever subnet they sit in.
        case .redis: return true
        // An RDS instance is reachable only with `public: true` (data-in-public-subnet's
        // finding, not a bypass); a public subnet alone does not give it a public address.
        case .rds, .aurora: return resource.bool("public") != true
        default:
            if entryKinds.contains(resource.kind) { return false }
            // A host in public subnets (a bastion, a public task) is reachable by design.
            if topology.isInPublicSubnets(resource) { return false }
            return vpcOnlyKinds.contains(resource.kind) || topology.isInVPC(resource)
        }
    }
}
