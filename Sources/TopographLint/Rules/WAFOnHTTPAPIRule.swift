import TopographModel

struct WAFOnHTTPAPIRule: LintRule {
    static let description = LintRuleDescription(
        id: "waf-on-http-api", name: "WAF associated with an HTTP API", category: .security, severity: .error,
        summary: "A WAF web ACL is associated with an API Gateway HTTP API",
        rationale: """
            AWS WAF protects REST API stages, ALBs, CloudFront, AppSync and Cognito, but not API \
            Gateway HTTP APIs: the association is refused, and the DDoS and injection protection \
            seed 003 counts on never applies. Put CloudFront with the web ACL in front of the \
            HTTP API, or use a REST API.
            """,
        fix: "Associate the web ACL with a CloudFront distribution in front of the HTTP API, or switch to a REST API.",
        references: ["https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  waf: { kind: waf, protects: [↓api] }
                  edge: { kind: waf }
                  api: { kind: api-gateway-http }
                connections:
                  - edge -> ↓api
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  waf: { kind: waf, protects: [rest, cdn] }
                  cdn: { kind: cloudfront }
                  rest: { kind: api-gateway-rest }
                  api: { kind: api-gateway-http }
                connections:
                  - waf -> rest
                  - cdn -> api
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for waf in topology.resources(ofKind: .waf) {
            var reported: Set<String> = []
            for (index, id) in waf.strings("protects").enumerated() where topology.resource(id)?.kind == .httpAPI {
                reported.insert(id)
                violations.append(LintViolation(
                    at: waf.location(of: "protects", element: index), "WAF '\(waf.id)' cannot protect HTTP API '\(id)': WAF supports REST APIs, not HTTP APIs",
                    resource: waf.id))
            }
            for connection in topology.connections where connection.from == waf.id || connection.to == waf.id {
                let other = connection.from == waf.id ? connection.to : connection.from
                guard topology.resource(other)?.kind == .httpAPI, reported.insert(other).inserted else { continue }
                violations.append(LintViolation(
                    at: connection.from == waf.id ? connection.toLocation : connection.fromLocation,
                    "WAF '\(waf.id)' cannot protect HTTP API '\(other)': WAF supports REST APIs, not HTTP APIs", resource: waf.id))
            }
        }
        return violations
    }
}
