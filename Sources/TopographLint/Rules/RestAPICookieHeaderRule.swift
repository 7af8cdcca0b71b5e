import TopographModel

struct RestAPICookieHeaderRule: LintRule {
    static let description = LintRuleDescription(
        id: "rest-api-cookie-header", name: "Session cookie through a REST API without the Cookie header", category: .networking, severity: .warning,
        summary: "A REST API in front of a session-backed service does not declare the Cookie header",
        rationale: """
            A REST API passes to its integration only the method request headers it declares. When the \
            session id travels in a cookie, a REST API that does not declare `Cookie` silently drops it \
            and every request behind it looks logged out.
            """,
        fix: "Declare the header: `request_headers: [Cookie]`.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓api: { kind: api-gateway-rest }
                  auth: { kind: ecs-service }
                  sessions: { kind: elasticache-redis, role: session-store }
                connections:
                  - api -> auth
                  - auth -> sessions
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-rest, request_headers: [Cookie] }
                  other: { kind: api-gateway-rest }
                  auth: { kind: ecs-service }
                  reports: { kind: ecs-service }
                  sessions: { kind: elasticache-redis, role: session-store }
                connections:
                  - api -> auth
                  - other -> reports
                  - auth -> sessions
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        let sessionStores = Set(topology.resources(ofKind: .redis).filter { $0.string("role") == "session-store" }.map(\.id))
        guard !sessionStores.isEmpty else { return [] }
        return topology.resources(ofKind: .restAPI).compactMap { api in
            guard !api.strings("request_headers").contains(where: { $0.lowercased() == "cookie" }) else { return nil }
            guard let store = topology.downstream(of: api.id).first(where: sessionStores.contains) else { return nil }
            return LintViolation(
                at: api.fields["request_headers"] != nil ? api.location(of: "request_headers") : api.location,
                "REST API '\(api.id)' leads to session store '\(store)' but does not declare the Cookie header", resource: api.id)
        }
    }
}
