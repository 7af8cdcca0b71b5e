import TopographModel

struct APIWithoutAuthorizerRule: LintRule {
    static let description = LintRuleDescription(
        id: "api-without-authorizer", name: "Public API without an authorizer", category: .security, severity: .warning,
        summary: "A public API Gateway API has no authorizer",
        rationale: """
            An API Gateway API that is not private can be called by anyone who learns its URL. \
            Without an authorizer (a Lambda authorizer, as in seed 000's V2, or a Cognito user \
            pool, as in seed 003) every route forwards unauthenticated requests to the services \
            behind it. An API that authorizes with IAM or is deliberately open says so with a \
            suppression and its reason.
            """,
        fix: "Set `authorizer: <id of a lambda or cognito>` on the API, or suppress the rule on it with the reason.",
        references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  users: { kind: user }
                  ↓api: { kind: api-gateway-http, routes: ["ANY /auth/{proxy+}"] }
                connections:
                  - users -> api
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  authorizer: { kind: lambda }
                  pool: { kind: cognito }
                  api: { kind: api-gateway-http, authorizer: authorizer }
                  rest: { kind: api-gateway-rest, authorizer: pool }
                  internal: { kind: api-gateway-rest, endpoint: private }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKinds: [.httpAPI, .restAPI]).compactMap { api in
            guard api.string("authorizer") == nil, api.string("endpoint") != "private" else { return nil }
            return LintViolation(at: api.location, "API '\(api.id)' is reachable from the internet and has no authorizer", resource: api.id)
        }
    }
}
