struct SharedExecuteAPIEndpointRule: LintRule {
    static let description = LintRuleDescription(
        id: "shared-execute-api-endpoint", name: "One execute-api endpoint for private REST and HTTP API callers", category: .networking, severity: .warning,
        summary: "One execute-api endpoint serves both a private REST API and callers of an HTTP API",
        rationale: """
            A private REST API needs the execute-api endpoint's private DNS names on; but with private \
            DNS on, every `*.execute-api` name in the VPC resolves to the endpoint, and an HTTP API \
            (which has only a public endpoint) becomes unreachable from the VPC. Callers of both need \
            two endpoints: one with private DNS on for the REST API, one with it off.
            """,
        fix: "Add a second execute-api endpoint with `private_dns: false` for the HTTP API callers.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓endpoint: { kind: vpc-endpoint, service: execute-api, private_dns: true }
                  rest: { kind: api-gateway-rest, endpoint: private }
                  http: { kind: api-gateway-http }
                connections:
                  - endpoint -> rest
                  - endpoint -> http
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  private-dns: { kind: vpc-endpoint, service: execute-api, private_dns: true }
                  public-dns: { kind: vpc-endpoint, service: execute-api, private_dns: false }
                  rest: { kind: api-gateway-rest, endpoint: private }
                  http: { kind: api-gateway-http }
                connections:
                  - private-dns -> rest
                  - public-dns -> http
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: "vpc-endpoint").compactMap { endpoint in
            guard endpoint.string("service") == "execute-api" else { return nil }
            let targets = topology.outgoing(endpoint.id).compactMap { topology.resource($0.to) }
            let servesREST = targets.contains { $0.kind == "api-gateway-rest" }
            let servesHTTP = targets.contains { $0.kind == "api-gateway-http" }
            guard servesREST, servesHTTP else { return nil }
            return LintViolation(
                at: endpoint.location,
                "execute-api endpoint '\(endpoint.id)' serves a private REST API and HTTP API callers; with private DNS \(endpoint.bool("private_dns") == true ? "on the HTTP API is unreachable" : "off the private REST API is unreachable")",
                resource: endpoint.id)
        }
    }
}
