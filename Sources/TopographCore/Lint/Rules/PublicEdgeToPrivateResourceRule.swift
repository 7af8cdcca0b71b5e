struct PublicEdgeToPrivateResourceRule: LintRule {
    static let description = LintRuleDescription(
        id: "public-edge-to-private-resource", name: "Traffic from the internet bypasses the front door", category: .security, severity: .warning,
        summary: "A user or the internet connects straight to a resource that is not an entry point",
        rationale: """
            Users reach a private architecture through its front door: an internet-facing load \
            balancer, API Gateway, CloudFront or DNS. An edge from `user` or `internet` straight to a \
            service, a database or an internal load balancer either documents something that cannot \
            work (the resource has no public address) or a hole that should not exist.
            """,
        fix: "Route the connection through the load balancer or API in front of the resource.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  users: { kind: user }
                  web: { kind: ecs-service }
                  internal: { kind: alb, scheme: internal }
                connections:
                  - ↓users -> web
                  - ↓users -> internal
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  users: { kind: user }
                  alb: { kind: alb, scheme: internet-facing }
                  api: { kind: api-gateway-http }
                  web: { kind: ecs-service }
                connections:
                  - users -> alb
                  - users -> api
                  - alb -> web
                """),
        ])

    static let entryKinds: Set<String> = [
        "alb", "nlb", "api-gateway-http", "api-gateway-rest", "cloudfront", "route53", "waf", "cognito",
        "external-service", "internet-gateway", "internet", "user", "s3",
    ]

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for connection in topology.connections {
            guard let source = topology.resource(connection.from), ["user", "internet"].contains(source.kind),
                  let target = topology.resource(connection.to) else { continue }
            let isEntry = entryKinds.contains(target.kind) && !(["alb", "nlb"].contains(target.kind) && target.string("scheme") == "internal")
            if !isEntry {
                violations.append(LintViolation(
                    at: connection.location, "'\(connection.endpoints)' reaches \(target.kind) '\(target.id)' directly, bypassing a load balancer or API",
                    resource: target.id))
            }
        }
        return violations
    }
}
