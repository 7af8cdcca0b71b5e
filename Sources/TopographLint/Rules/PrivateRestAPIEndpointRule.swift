import TopographModel

struct PrivateRestAPIEndpointRule: LintRule {
    static let description = LintRuleDescription(
        id: "private-rest-api-endpoint", name: "Private REST API without an execute-api endpoint", category: .networking, severity: .error,
        summary: "A private REST API has no execute-api interface endpoint with private DNS on",
        rationale: """
            A private REST API has no public address: callers reach it only through an interface \
            VPC endpoint for `com.amazonaws.<region>.execute-api` in their VPC. With the endpoint's \
            private DNS names enabled, `<api-id>.execute-api.<region>.amazonaws.com` resolves to the \
            endpoint inside the VPC; without the endpoint, or with private DNS off, the API's \
            default URL does not resolve to anything that can serve it. One endpoint can serve \
            every private API of the VPC.
            """,
        fix: "Add `{ kind: vpc-endpoint, service: execute-api, endpoint_type: interface, private_dns: true }` in the callers' VPC, or set `private_dns: true` on the existing one.",
        references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-rest, endpoint: ↓private }
                  endpoint: { kind: vpc-endpoint, service: execute-api, private_dns: false }
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-rest, endpoint: ↓private }
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
        let endpoints = topology.resources(ofKind: .vpcEndpoint).filter { $0.string("service") == "execute-api" }
        guard !endpoints.contains(where: { $0.bool("private_dns") == true }) else { return [] }
        let problem = endpoints.isEmpty
            ? "there is no execute-api VPC endpoint"
            : "execute-api endpoint \(endpoints.map { "'\($0.id)'" }.joined(separator: ", ")) does not have `private_dns: true`"
        return topology.resources(ofKind: .restAPI).filter { $0.string("endpoint") == "private" }.map { api in
            LintViolation(at: api.location(of: "endpoint"), "private REST API '\(api.id)' cannot be reached: \(problem)", resource: api.id)
        }
    }
}
