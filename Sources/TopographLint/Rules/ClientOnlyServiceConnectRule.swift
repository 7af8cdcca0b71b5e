import TopographModel

struct ClientOnlyServiceConnectRule: LintRule {
    static let description = LintRuleDescription(
        id: "client-only-service-connect", name: "Service reached through Cloud Map while Service Connect is client-only", category: .networking, severity: .error,
        summary: "A service others reach through Service Connect, Cloud Map or an API integration runs Service Connect in client-only mode",
        rationale: """
            In client-only mode an ECS service can call others but publishes no port mapping: \
            nothing can discover it. An API Gateway integration through Cloud Map, or another service \
            over Service Connect, then has nothing to reach. Services that receive traffic need the \
            client-and-server mode.
            """,
        fix: "Set `service_connect: client-server` on the service.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  link: { kind: vpc-link, api: http }
                  auth: { kind: ecs-service, service_connect: ↓client-only }
                connections:
                  - link -> auth
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service, service_connect: client-only }
                  auth: { kind: ecs-service, service_connect: ↓client-only }
                connections:
                  - { from: web, to: auth, via: service-connect }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  link: { kind: vpc-link, api: http }
                  web: { kind: ecs-service, service_connect: client-only }
                  auth: { kind: ecs-service, service_connect: client-server }
                connections:
                  - link -> auth
                  - { from: web, to: auth, via: service-connect }
                """),
        ])

    static let discoveringKinds: Set<KindID> = [.vpcLink, .httpAPI, .restAPI, .cloudMap]
    static let discoveringVias: Set<String> = ["service-connect", "cloud-map"]

    static func check(_ topology: StageTopology) -> [LintViolation] {
        // The first edge that reaches each service by discovery, in one pass over the edges.
        var reachedBy: [String: Connection] = [:]
        for connection in topology.connections where reachedBy[connection.to] == nil {
            let source = topology.resource(connection.from)?.kind
            if source.map(discoveringKinds.contains) == true || discoveringVias.contains(connection.via?.lowercased() ?? "") {
                reachedBy[connection.to] = connection
            }
        }
        return topology.resources(ofKind: .ecsService).compactMap { service in
            guard service.string("service_connect") == "client-only", let connection = reachedBy[service.id] else { return nil }
            return LintViolation(
                at: service.location(of: "service_connect"),
                "'\(service.id)' is reached by '\(connection.endpoints)' but runs Service Connect client-only, publishing no port",
                resource: service.id)
        }
    }
}
