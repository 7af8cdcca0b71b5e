import TopographModel

struct SharedExecuteAPIEndpointRule: LintRule {
    static let description = LintRuleDescription(
        id: "shared-execute-api-endpoint", name: "One execute-api endpoint for private REST and HTTP API callers", category: .networking, severity: .warning,
        summary: "One execute-api endpoint is meant to serve both a private REST API and callers of an HTTP API",
        rationale: """
            The two kinds of API want opposite settings on the `execute-api` interface endpoint. A \
            private REST API is resolved through the endpoint's private DNS names, so they must be \
            on. But with private DNS on, every `*.execute-api.<region>.amazonaws.com` name looked \
            up inside the VPC resolves to the endpoint, which only serves private APIs: a call \
            from the VPC to an HTTP API (it has only a public endpoint) or to a regional REST API \
            fails. A VPC with callers of both needs two endpoints, one with private DNS on for the \
            private REST API and one with it off for the rest.
            """,
        fix: "Keep `private_dns: true` on the endpoint of the private REST API and add a second execute-api endpoint with `private_dns: false` for the HTTP API callers.",
        references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  endpoint: { kind: vpc-endpoint, service: execute-api, private_dns: ↓true }
                  rest: { kind: api-gateway-rest, endpoint: private }
                  http: { kind: api-gateway-http }
                connections:
                  - endpoint -> rest
                  - endpoint -> http
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  endpoint: { kind: vpc-endpoint, in: vpc, service: execute-api, private_dns: ↓true }
                  web: { kind: ecs-service, in: private-a }
                  rest: { kind: api-gateway-rest, endpoint: private }
                  http: { kind: api-gateway-http }
                connections:
                  - web -> endpoint
                  - endpoint -> rest
                  - web -> http
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  private-dns: { kind: vpc-endpoint, in: vpc, service: execute-api, private_dns: true }
                  public-dns: { kind: vpc-endpoint, in: vpc, service: execute-api, private_dns: false }
                  web: { kind: ecs-service, in: private-a }
                  users: { kind: user }
                  rest: { kind: api-gateway-rest, endpoint: private }
                  http: { kind: api-gateway-http }
                connections:
                  - web -> private-dns
                  - private-dns -> rest
                  - web -> public-dns
                  - public-dns -> http
                  - users -> http
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .vpcEndpoint).compactMap { endpoint in
            guard endpoint.string("service") == "execute-api" else { return nil }
            let targets = topology.outgoing(endpoint.id).compactMap { topology.resource($0.to) }
            let servesPrivateREST = targets.contains { $0.kind == .restAPI && $0.string("endpoint") == "private" }
            let servesPublic = targets.filter(isPublicAPI).map(\.id)
            if endpoint.bool("private_dns") == true {
                // With private DNS on, the endpoint also captures calls from the VPC that were
                // drawn straight to a public API.
                let callers = topology.connections.filter { connection in
                    guard let api = topology.resource(connection.to), isPublicAPI(api),
                          let caller = topology.resource(connection.from), caller.kind != .vpcEndpoint else { return false }
                    return topology.isInVPC(caller) && topology.shareVPC(caller, endpoint)
                }
                let apis = Array(Set(servesPublic + callers.map(\.to))).sorted()
                guard !apis.isEmpty else { return nil }
                let via = callers.isEmpty ? "" : " (called from the VPC by \(callers.map(\.from).uniqued().joined(separator: ", ")))"
                return LintViolation(
                    at: endpoint.location(of: "private_dns"),
                    "execute-api endpoint '\(endpoint.id)' has private DNS on, so calls from its VPC to \(apis.joined(separator: ", "))\(via) resolve to it and fail; give them a second endpoint with private DNS off",
                    resource: endpoint.id)
            }
            guard servesPrivateREST, !servesPublic.isEmpty else { return nil }
            return LintViolation(
                at: endpoint.fields["private_dns"] != nil ? endpoint.location(of: "private_dns") : endpoint.location,
                "execute-api endpoint '\(endpoint.id)' serves a private REST API and \(servesPublic.joined(separator: ", ")) with private DNS off, so the private REST API's default name does not resolve to it",
                resource: endpoint.id)
        }
    }

    /// An API reachable on its public `execute-api` name: an HTTP API, or a REST API that is
    /// not private.
    static func isPublicAPI(_ resource: Resource) -> Bool {
        resource.kind == .httpAPI || (resource.kind == .restAPI && resource.string("endpoint") != "private")
    }
}
