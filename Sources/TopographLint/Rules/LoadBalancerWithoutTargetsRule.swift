import TopographModel

struct LoadBalancerWithoutTargetsRule: LintRule {
    static let description = LintRuleDescription(
        id: "lb-without-targets", name: "Load balancer with no targets", category: .reliability, severity: .error,
        summary: "A load balancer in a drawn traffic path forwards to nothing",
        rationale: """
            A load balancer whose target groups are empty answers every request with 503 \
            (ALB) or resets the connection (NLB). In a topology that draws connections, a load \
            balancer with none going out has no targets: the service registration was forgotten, \
            or the edge to it was. A file that draws no connections at all is a sketch and is \
            left alone.
            """,
        fix: "Draw the connection to its targets (`alb -> web`), or remove the load balancer.",
        references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html#http-503-issues"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  users: { kind: user }
                  ↓alb: { kind: alb }
                  web: { kind: ecs-service }
                connections:
                  - users -> alb
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  users: { kind: user }
                  alb: { kind: alb }
                  web: { kind: ecs-service }
                connections:
                  - users -> alb
                  - alb -> web
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        guard !topology.connections.isEmpty else { return [] }
        let sources = Set(topology.connections.map(\.from))
        return topology.resources(ofKinds: [.alb, .nlb]).compactMap { balancer in
            guard !sources.contains(balancer.id) else { return nil }
            return LintViolation(at: balancer.location, "\(balancer.kind) '\(balancer.id)' forwards to nothing: it answers 503", resource: balancer.id)
        }
    }
}
