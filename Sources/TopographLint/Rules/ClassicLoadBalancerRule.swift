import TopographModel

struct ClassicLoadBalancerRule: LintRule {
    static let description = LintRuleDescription(
        id: "classic-load-balancer", name: "Classic Load Balancer", category: .operations, severity: .warning,
        summary: "A Classic Load Balancer (previous generation) is in the design",
        rationale: """
            The Classic Load Balancer has no path or host routing, no targets by IP, Lambda or \
            container port, no HTTP/2 or gRPC, no WAF association and no TLS 1.3 policies, and \
            AWS no longer adds features to it. An Application Load Balancer (HTTP/HTTPS) or a \
            Network Load Balancer (TCP/TLS) replaces it; AWS's migration wizard copies the \
            listeners and registered instances.
            """,
        fix: "Replace it with an `alb` (or an `nlb` for TCP listeners), or suppress the rule on it with the migration plan.",
        references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/migrate-classic-load-balancer.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓web-elb: { kind: elb-classic, listeners: [443] }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web-alb: { kind: alb, listeners: [443] }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .elbClassic).map { balancer in
            LintViolation(at: balancer.location, "'\(balancer.id)' is a Classic Load Balancer; an ALB or NLB replaces it", resource: balancer.id)
        }
    }
}
