struct PrivateRestAPIEndpointRule: LintRule {
    static let description = LintRuleDescription(
        id: "private-rest-api-endpoint", name: "Private REST API without an execute-api endpoint", category: .networking, severity: .error,
        summary: "A private REST API has no execute-api interface endpoint with private DNS on",
        rationale: """
            A private REST API is only reachable through an interface VPC endpoint for \
            `com.amazonaws.<region>.execute-api`. With private DNS names enabled, callers in the VPC \
            resolve `*.execute-api.amazonaws.com` to the endpoint; without the endpoint, or with \
            private DNS off, the API's default URL cannot be reached from inside the VPC.
            """,
        fix: "Add `{ kind: vpc-endpoint, service: execute-api, endpoint_type: interface, private_dns: true }` in the VPC.",
        references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-rest, endpoint: ↓private }
                  endpoint: { kind: vpc-endpoint, service: execute-api, private_dns: false }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-rest, endpoint: private }
                  regional: { kind: api-gateway-rest, endpoint: regional }
                  endpoint: { kind: vpc-endpoint, service: execute-api, endpoint_type: interface, private_dns: true }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        let hasEndpoint = topology.resources(ofKind: "vpc-endpoint").contains { $0.string("service") == "execute-api" && $0.bool("private_dns") == true }
        guard !hasEndpoint else { return [] }
        return topology.resources(ofKind: "api-gateway-rest").filter { $0.string("endpoint") == "private" }.map { api in
            LintViolation(at: api.location(of: "endpoint"), "private REST API '\(api.id)' has no execute-api VPC endpoint with private DNS on", resource: api.id)
        }
    }
}
