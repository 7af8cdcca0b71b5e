extension KindCatalog {
    private static func loadBalancerAttributes(nlb: Bool) -> [AttributeSpec] {
        var attributes = [
            AttributeSpec("scheme", .oneOf(["internal", "internet-facing"]), "Internal, or reachable from the internet."),
            AttributeSpec("listeners", .list(.port), "Listener ports, e.g. [80, 443]."),
            AttributeSpec("health_check", .string, "Health-check path of the target group, e.g. /health."),
        ]
        if nlb {
            attributes += [
                AttributeSpec("cross_zone", .bool, "Cross-zone load balancing; needed when targets are not in every AZ of the NLB."),
                AttributeSpec(
                    "enforce_privatelink_inbound_rules", .bool,
                    "Whether security-group inbound rules apply to PrivateLink traffic; off lets API Gateway's VPC link in."),
            ]
        }
        return attributes
    }

    static let loadBalancingKinds: [KindSpec] = [
        KindSpec(
            .alb, .loadBalancing, title: "Application Load Balancer", summary: "An HTTP(S) load balancer (layer 7).",
            attributes: loadBalancerAttributes(nlb: false), parents: inVPC, shape: .hexagon,
            example: "alb: { kind: alb, in: vpc, scheme: internet-facing, listeners: [443], health_check: /health }"),
        KindSpec(
            .nlb, .loadBalancing, title: "Network Load Balancer",
            summary: "A TCP/UDP load balancer (layer 4); the only target a REST API VPC link accepts.",
            attributes: loadBalancerAttributes(nlb: true), parents: inVPC, shape: .hexagon,
            example: "nlb: { kind: nlb, in: vpc, scheme: internal, listeners: [80], cross_zone: true, enforce_privatelink_inbound_rules: false }"),
    ]
}
