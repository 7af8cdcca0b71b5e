struct SingleZoneLoadBalancerRule: LintRule {
    static let description = LintRuleDescription(
        id: "single-zone-load-balancer", name: "Internet-facing load balancer in one availability zone", category: .reliability, severity: .warning,
        summary: "An internet-facing load balancer spans fewer than two availability zones",
        rationale: """
            An ALB needs subnets in at least two availability zones, and a load balancer in one zone \
            takes the whole front door down with that zone. The topology says where it runs through \
            `zones:`, `subnets:` or the availability zone it sits in.
            """,
        fix: "List two or more zones (`zones: [us-east-1a, us-east-1b]`) or subnets in different zones.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓alb: { kind: alb, scheme: internet-facing, zones: [us-east-1a] }
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
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKinds: ["alb", "nlb"]).compactMap { resource in
            guard resource.string("scheme") == "internet-facing" else { return nil }
            let zones = topology.availabilityZones(of: resource)
            guard zones.count < 2 else { return nil }
            let detail = zones.isEmpty ? "no availability zone is given" : "it spans only \(zones.sorted().joined())"
            return LintViolation(at: resource.location, "internet-facing \(resource.kind) '\(resource.id)': \(detail)", resource: resource.id)
        }
    }
}
