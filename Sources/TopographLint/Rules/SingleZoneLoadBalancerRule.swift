import TopographModel

struct SingleZoneLoadBalancerRule: LintRule {
    static let description = LintRuleDescription(
        id: "single-zone-load-balancer", name: "Application Load Balancer in one availability zone", category: .reliability, severity: .error,
        summary: "An Application Load Balancer is placed in fewer than two availability zones",
        rationale: """
            AWS refuses to create an Application Load Balancer, internet-facing or internal, with \
            subnets in fewer than two availability zones. A load balancer takes at most one subnet \
            per zone, so one subnet is one zone even when the subnet does not say which. The \
            topology says where a load balancer runs through `zones:`, its `subnets:` or the \
            subnet or availability zone it sits in; when it says none of these, there is nothing \
            to check. (A Network Load Balancer may run in one zone: `single-zone-nlb`.)
            """,
        fix: "Place the ALB in two or more subnets of different zones (`subnets: [public-a, public-b]`), or list its zones (`zones: [us-east-1a, us-east-1b]`).",
        references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb, label: "Zürich 🚀 front door", scheme: internet-facing, zones: ↓[eu-central-1a] }
                """),
            LintExample("""
                # An internal ALB in one subnet whose zone is not written: still one zone.
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  alb: { kind: alb, scheme: internal, in: ↓private-a }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public }
                  public-b: { kind: subnet, in: vpc, access: public }
                  alb: { kind: alb, in: vpc, scheme: internet-facing, subnets: [public-a, public-b] }
                  internal: { kind: alb, scheme: internal, zones: [us-east-1a, us-east-1b] }
                  sketch: { kind: alb }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .alb).compactMap { balancer in
            guard let count = topology.loadBalancerZoneCount(of: balancer), count < 2 else { return nil }
            let field = ["zones", "subnets", "in"].first { balancer.fields[$0] != nil } ?? "kind"
            let zone = topology.loadBalancerZoneNames(of: balancer).first ?? "one zone"
            return LintViolation(
                at: balancer.location(of: field),
                "\(balancer.isInternetFacing ? "internet-facing" : "internal") alb '\(balancer.id)' runs only in \(zone); AWS needs subnets in two zones",
                resource: balancer.id)
        }
    }
}
