import TopographModel

struct ServiceConnectCallerRule: LintRule {
    static let description = LintRuleDescription(
        id: "service-connect-caller-without-service-connect", name: "Caller without Service Connect calling over Service Connect", category: .networking, severity: .error,
        summary: "A connection travels over Service Connect from something that does not run Service Connect",
        rationale: """
            Service Connect names (`http://auth:9000`) resolve only inside tasks whose service \
            runs Service Connect, client-only or client-server: the Envoy sidecar ECS injects \
            does the lookup. A service with `service_connect: none`, a Lambda function or an EC2 \
            instance cannot resolve them, so the call fails with a DNS error. (Seed 000's V1: \
            the web app calls the authorization service over Service Connect.)
            """,
        fix: "Set `service_connect: client-only` (or `client-server`) on the calling service, or call through a load balancer or Cloud Map DNS.",
        references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service, service_connect: none }
                  worker: { kind: lambda }
                  auth: { kind: ecs-service, service_connect: client-server }
                connections:
                  - { from: ↓web, to: auth, via: service-connect }
                  - { from: ↓worker, to: auth, via: service-connect }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service, service_connect: client-only }
                  auth: { kind: ecs-service, service_connect: client-server }
                  report: { kind: ecs-service }
                connections:
                  - { from: web, to: auth, via: service-connect }
                  - { from: report, to: auth, via: service-connect }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.connections.compactMap { connection in
            guard connection.via?.lowercased() == "service-connect", let caller = topology.resource(connection.from) else { return nil }
            let without = caller.kind == .ecsService ? caller.string("service_connect") == "none" : ![.ecsCluster].contains(caller.kind)
            guard without else { return nil }
            let what = caller.kind == .ecsService ? "runs `service_connect: none`" : "is a \(caller.kind), which cannot run Service Connect"
            return LintViolation(
                at: connection.fromLocation, "'\(caller.id)' calls '\(connection.to)' over Service Connect but \(what): the name does not resolve",
                resource: caller.id)
        }
    }
}
