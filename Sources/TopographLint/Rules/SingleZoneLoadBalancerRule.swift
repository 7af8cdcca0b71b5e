import TopographModel

struct SingleZoneLoadBalancerRule: LintRule {
    static let description = LintRuleDescription(
        id: "single-zone-load-balancer", name: "Internet-facing load balancer in one availability zone", category: .reliability, severity: .warning,
        summary: "An internet-facing load balancer is placed in a single availability zone",
        rationale: """
            The front door should survive the loss of a zone: a load balancer whose nodes all sit \
            in one availability zone takes the whole site down with that zone, and an ALB cannot \
            even be created with subnets in fewer than two zones. The topology says where a load \
            balancer runs through `zones:`, its `subnets:` (their `az:`) or the availability zone \
            it sits in; a load balancer without `scheme: internal` is internet-facing, as in AWS. \
            When the topology gives no zone at all, there is nothing to check.
            """,
        fix: "List two or more zones (`zones: [us-east-1a, us-east-1b]`) or subnets in different zones.",
        references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb, label: "Zürich 🚀 front door", scheme: internet-facing, zones: ↓[eu-central-1a] }
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public, az: us-east-1a }
                  nlb: { kind: nlb, in: vpc, subnets: ↓[public-a] }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public, az: us-east-1a }
                  public-b: { kind: subnet, in: vpc, access: public, az: us-east-1b }
                  alb: { kind: alb, in: vpc, scheme: internet-facing, subnets: [public-a, public-b] }
                  internal: { kind: nlb, scheme: internal, zones: [us-east-1a] }
                  sketch: { kind: alb }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKinds: ["alb", "nlb"]).compactMap { balancer in
            guard balancer.isInternetFacing else { return nil }
            let zones = topology.availabilityZones(of: balancer)
            guard zones.count == 1, let zone = zones.first else { return nil }
            let field = ["zones", "subnets", "in"].first { balancer.fields[$0] != nil } ?? "kind"
            return LintViolation(
                at: balancer.location(of: field), "internet-facing \(balancer.kind) '\(balancer.id)' runs only in \(zone)", resource: balancer.id)
        }
    }
}
