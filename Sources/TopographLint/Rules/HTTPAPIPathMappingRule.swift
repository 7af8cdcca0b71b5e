import TopographModel

struct HTTPAPIPathMappingRule: LintRule {
    static let description = LintRuleDescription(
        id: "http-api-path-mapping", name: "HTTP API prefix route without a correct path mapping", category: .networking, severity: .error,
        summary: "An HTTP API forwards a prefixed proxy route to a private integration without stripping the prefix",
        rationale: """
            An HTTP API route such as `ANY /auth/{proxy+}` forwards the whole path, `/auth/login`, to \
            a private integration; a service that serves `/login` answers 404. The fix is a parameter \
            mapping that overwrites the path with `/$request.path.proxy`, and it needs the leading \
            slash: `$request.path.proxy` alone makes API Gateway answer 400. An API counts as \
            having a private integration when it connects to a VPC link, a Cloud Map namespace or \
            an internal load balancer; a route to a Lambda function is left alone.
            """,
        fix: "Set `path_mapping: \"/$request.path.proxy\"` on the API (with the leading slash).",
        references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-http, routes: ↓["ANY /auth/{proxy+}"] }
                  link: { kind: vpc-link, api: http }
                connections:
                  - api -> link
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-http, routes: ["ANY /auth/{proxy+}"], path_mapping: ↓"$request.path.proxy" }
                  discovery: { kind: cloud-map }
                connections:
                  - api -> discovery
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-http, routes: ["ANY /auth/{proxy+}"], path_mapping: "/$request.path.proxy" }
                  root: { kind: api-gateway-http, routes: ["ANY /{proxy+}"] }
                  reports: { kind: api-gateway-http, routes: ["ANY /reports/{proxy+}"] }
                  link: { kind: vpc-link, api: http }
                  render: { kind: lambda }
                connections:
                  - api -> link
                  - root -> link
                  - reports -> render
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for api in topology.resources(ofKind: "api-gateway-http") {
            let isPrivate = topology.outgoing(api.id).contains { connection in
                guard let target = topology.resource(connection.to) else { return false }
                return ["vpc-link", "cloud-map"].contains(target.kind) || (["alb", "nlb"].contains(target.kind) && !target.isInternetFacing)
            }
            guard isPrivate else { continue }
            let prefixed = api.strings("routes").filter { route in
                let path = route.split(separator: " ").last.map(String.init) ?? route
                return path.hasSuffix("/{proxy+}") && path != "/{proxy+}"
            }
            guard let route = prefixed.first else { continue }
            if let mapping = api.string("path_mapping") {
                if !mapping.hasPrefix("/") {
                    violations.append(LintViolation(
                        at: api.location(of: "path_mapping"), "path mapping '\(mapping)' of '\(api.id)' lacks the leading slash: API Gateway answers 400",
                        resource: api.id))
                }
            } else {
                violations.append(LintViolation(
                    at: api.location(of: "routes"), "route '\(route)' of '\(api.id)' forwards its prefix to a private integration without a path mapping: the service answers 404",
                    resource: api.id))
            }
        }
        return violations
    }
}
