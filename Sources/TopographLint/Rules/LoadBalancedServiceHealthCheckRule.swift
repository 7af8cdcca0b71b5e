import TopographModel

struct LoadBalancedServiceHealthCheckRule: LintRule {
    static let description = LintRuleDescription(
        id: "missing-health-check", name: "Load-balanced service without a health check path", category: .reliability, severity: .warning,
        summary: "A service behind a load balancer has no health check path",
        rationale: """
            Without a health check path the target group probes `/` (ALB) or only the TCP port \
            (NLB). A service whose `/` redirects, needs a session or is slow gets marked unhealthy, and \
            a broken one that still accepts connections keeps getting traffic during a rolling update.
            """,
        fix: "Set `health_check: /health` on the service (or on its load balancer's target group).",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb }
                  ↓web: { kind: ecs-service }
                connections:
                  - alb -> web
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb }
                  nlb: { kind: nlb, health_check: /ready }
                  web: { kind: ecs-service, health_check: /health }
                  api: { kind: ecs-service }
                connections:
                  - alb -> web
                  - nlb -> api
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        // One pass over the edges instead of a scan per service: files run to 10k resources.
        var balancersByTarget: [String: [Resource]] = [:]
        for connection in topology.connections {
            guard let source = topology.resource(connection.from), [.alb, .nlb].contains(source.kind) else { continue }
            balancersByTarget[connection.to, default: []].append(source)
        }
        return topology.resources(ofKind: .ecsService).compactMap { service in
            guard service.string("health_check") == nil, let balancers = balancersByTarget[service.id],
                  let balancer = balancers.first, balancers.allSatisfy({ $0.string("health_check") == nil }) else { return nil }
            return LintViolation(at: service.location, "'\(service.id)' is behind \(balancer.kind) '\(balancer.id)' but has no health check path", resource: service.id)
        }
    }
}
