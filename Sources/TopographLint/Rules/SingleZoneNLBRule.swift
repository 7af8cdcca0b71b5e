import TopographModel

struct SingleZoneNLBRule: LintRule {
    static let description = LintRuleDescription(
        id: "single-zone-nlb", name: "Internet-facing Network Load Balancer in one availability zone", category: .reliability, severity: .warning,
        summary: "An internet-facing Network Load Balancer runs in a single availability zone",
        rationale: """
            AWS lets a Network Load Balancer run in one zone, but then the front door goes down \
            with that zone. The Reliability pillar of the Well-Architected Framework asks for \
            entry points in at least two zones. One subnet counts as one zone.
            """,
        fix: "Place the NLB in subnets of two or more zones.",
        references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#availability-zones"],
        triggering: [
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
                  nlb: { kind: nlb, zones: [us-east-1a, us-east-1b] }
                  internal: { kind: nlb, scheme: internal, zones: [us-east-1a] }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .nlb).compactMap { balancer in
            guard balancer.isInternetFacing, let count = topology.loadBalancerZoneCount(of: balancer), count < 2 else { return nil }
            let field = ["zones", "subnets", "in"].first { balancer.fields[$0] != nil } ?? "kind"
            let zone = topology.loadBalancerZoneNames(of: balancer).first ?? "one zone"
            return LintViolation(
                at: balancer.location(of: field), "internet-facing nlb '\(balancer.id)' runs only in \(zone)", resource: balancer.id)
        }
    }
}
