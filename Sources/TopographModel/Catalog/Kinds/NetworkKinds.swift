extension KindCatalog {
    static let networkKinds: [KindSpec] = [
        KindSpec(
            .vpc, .network, title: "VPC", summary: "A virtual private cloud; holds availability zones and subnets.",
            attributes: [AttributeSpec("cidr", .string, "The VPC's IPv4 CIDR block, e.g. 10.0.0.0/16.")],
            isContainer: true, shape: .rounded, example: "vpc: { kind: vpc, cidr: 10.0.0.0/16 }"),
        KindSpec(
            .availabilityZone, .network, title: "Availability zone",
            summary: "One availability zone of the region; holds subnets. Its label is usually the AZ name.",
            parents: [.vpc], isContainer: true, shape: .rounded,
            example: "az-a: { kind: availability-zone, in: vpc, label: us-east-1a }"),
        KindSpec(
            .subnet, .network, title: "Subnet", summary: "A subnet, public (routes to an internet gateway) or private.",
            attributes: [
                AttributeSpec("access", .oneOf(["public", "private"]), "Whether the subnet routes to an internet gateway."),
                AttributeSpec("az", .string, "The availability zone name, e.g. us-east-1a."),
                AttributeSpec("cidr", .string, "The subnet's CIDR block.", isExtension: true),
            ],
            parents: [.vpc, .availabilityZone], isContainer: true, shape: .rounded,
            example: "private-a: { kind: subnet, in: az-a, access: private, az: us-east-1a }"),
        KindSpec(
            .internetGateway, .network, title: "Internet gateway", summary: "Connects a VPC's public subnets to the internet.",
            parents: [.vpc], shape: .rounded, example: "igw: { kind: internet-gateway, in: vpc }"),
        KindSpec(
            .natGateway, .network, title: "NAT gateway",
            summary: "Lets resources in private subnets reach the internet (image pulls, AWS APIs) without being reachable.",
            parents: inVPC, shape: .rounded, example: "nat-a: { kind: nat-gateway, in: public-a }"),
        KindSpec(
            .vpcEndpoint, .network, title: "VPC endpoint",
            summary: "A private path from the VPC to an AWS service (interface endpoints use PrivateLink, gateway endpoints route tables).",
            attributes: [
                AttributeSpec("service", .string, "The AWS service: execute-api, s3, ecr.api, ecr.dkr, logs, ..."),
                AttributeSpec("endpoint_type", .oneOf(["interface", "gateway"]), "Interface (PrivateLink) or gateway (s3, dynamodb)."),
                AttributeSpec("private_dns", .bool, "Whether private DNS names are enabled (a private REST API needs it on)."),
            ],
            parents: inVPC, shape: .rounded,
            example: "execute-api-endpoint: { kind: vpc-endpoint, in: vpc, service: execute-api, endpoint_type: interface, private_dns: true }"),
        KindSpec(
            .vpcLink, .network, title: "VPC link",
            summary: "Lets API Gateway reach private resources: an NLB for a REST API, Cloud Map or a load balancer for an HTTP API.",
            attributes: [
                AttributeSpec("api", .oneOf(["rest", "http"]), "Which kind of API Gateway API uses the link."),
                AttributeSpec("targets", .list(.reference([.nlb, .alb, .cloudMap, .ecsService])), "What the link forwards to."),
            ],
            parents: inVPC, shape: .rounded, example: "link: { kind: vpc-link, api: http, in: vpc }"),
        KindSpec(
            .route53, .network, title: "Route 53", summary: "DNS: a hosted zone or record that points at the entry point.",
            attributes: [AttributeSpec("record", .string, "The DNS name, e.g. app.example.com.", isExtension: true)],
            shape: .rounded, example: "dns: { kind: route53, record: app.example.com }"),
        KindSpec(
            .cloudfront, .network, title: "CloudFront", summary: "The CDN in front of an origin.",
            shape: .rounded, example: "cdn: { kind: cloudfront }"),
    ]
}
