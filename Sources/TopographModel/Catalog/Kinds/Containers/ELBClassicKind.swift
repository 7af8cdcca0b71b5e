extension KindID {
    package static let elbClassic = KindID("elb-classic")
}

extension KindSpec {
    /// The Classic Load Balancer (previous generation).
    static let elbClassic = KindSpec(
        .elbClassic, .loadBalancing, title: "Classic Load Balancer",
        summary: "The previous-generation load balancer (layer 4 and 7); still behind many EC2 Auto Scaling groups. AWS recommends migrating to an ALB or NLB.",
        attributes: [
            AttributeSpec("scheme", .oneOf(["internal", "internet-facing"]), "Internal, or reachable from the internet."),
            AttributeSpec("listeners", .list(.port), "Listener ports, e.g. [80, 443]."),
            AttributeSpec("health_check", .string, "Path of the HTTP health check, e.g. /health."),
            AttributeSpec("cross_zone", .bool, "Cross-zone load balancing (off unless enabled when created through the API or CloudFormation)."),
            AttributeSpec("connection_draining", .bool, "Whether in-flight requests finish before an instance is deregistered."),
        ] + KindCatalog.loadBalancerSecurity,
        parents: KindCatalog.inVPC, shape: .hexagon,
        example: "classic-lb: { kind: elb-classic, subnets: [public-a, public-b], scheme: internet-facing, listeners: [443], health_check: /health, cross_zone: true }",
        scope: .subnets,
        icon: KindIcon(
            diagrams: "aws/network/elb-classic-load-balancer.png",
            assetPackage: ["Res_Elastic-Load-Balancing_Classic-Load-Balancer", "Arch_Elastic-Load-Balancing"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::ElasticLoadBalancing::LoadBalancer"], terraform: ["aws_elb"]),
        diffTraits: KindDiffTraits(unordered: ["listeners"], key: ["scheme", "listeners", "cross_zone", "subnets"]),
        nameRule: AWSValueRules.elbName,
        createdAfter: .nlb,
        idWords: ["elb", "lb", "load", "balancer", "classic"], isExtension: true)
}
