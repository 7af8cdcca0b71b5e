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
            an internal load balancer; a route to a Lambda function is left alone. An internal \
            ALB whose listener rules route on the prefix (`path_rules: [\"/auth/*\"]`, seed 003's \
            pattern) expects the whole path, so such a route needs no mapping.
            """,
        fix: "Set `path_mapping: \"/$request.path.proxy\"` on the API (with the leading slash).",
        references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-http, routes: ["ANY /{proxy+}", ↓"ANY /auth/{proxy+}"] }
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
            LintExample("""
                # The internal ALB routes on the prefix, so the API must keep it.
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-http, routes: ["ANY /test1/{proxy+}", "ANY /test2/{proxy+}"] }
                  link: { kind: vpc-link, api: http, targets: [alb] }
                  alb: { kind: alb, scheme: internal, path_rules: ["/test1/*", "/test2/*"] }
                  test1: { kind: ecs-service }
                  test2: { kind: ecs-service }
                connections:
                  - api -> link
                  - link -> alb
                  - alb -> test1
                  - alb -> test2
                """),
            LintExample("""
                # The same routing written as path labels on the ALB's connections.
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-http, routes: ["ANY /test1/{proxy+}", "ANY /test2/{proxy+}"] }
                  link: { kind: vpc-link, api: http, targets: [ialb] }
                  ialb: { kind: alb, scheme: internal }
                  test1: { kind: ecs-service }
                  test2: { kind: ecs-service }
                connections:
                  - api -> link
                  - link -> ialb
                  - ialb -> test1: /test1/*
                  - ialb -> test2: /test2
                """),
            LintExample("""
                # An internet-facing ALB is a public integration: the API reaches it by URL.
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-http, routes: ["ANY /auth/{proxy+}"] }
                  alb: { kind: alb, scheme: internet-facing }
                connections:
                  - api -> alb
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for api in topology.resources(ofKind: .httpAPI) {
            let integrations = privateIntegrations(of: api, in: topology)
            guard !integrations.isEmpty else { continue }
            if let mapping = api.string("path_mapping") {
                if !mapping.hasPrefix("/") {
                    violations.append(LintViolation(
                        at: api.location(of: "path_mapping"), "path mapping '\(mapping)' of '\(api.id)' lacks the leading slash: API Gateway answers 400",
                        resource: api.id))
                }
                continue
            }
            // An ALB whose listener rules route on the prefix expects it: seed 003's pattern.
            // Rules are `path_rules` or path labels on the ALB's connections.
            let albRules = integrations.filter { $0.kind == .alb }.flatMap { alb in
                alb.strings("path_rules") + topology.outgoing(alb.id).compactMap(\.pathRule)
            }
            let integrationsAreALBs = integrations.allSatisfy { $0.kind == .alb }
            for (index, route) in api.strings("routes").enumerated() {
                guard let prefix = prefix(of: route) else { continue }
                if integrationsAreALBs, albRules.contains(where: { covers($0, prefix: prefix) }) { continue }
                violations.append(LintViolation(
                    at: api.location(of: "routes", element: index),
                    "route '\(route)' of '\(api.id)' forwards its prefix to a private integration without a path mapping: the service answers 404",
                    resource: api.id))
            }
        }
        return violations
    }

    /// `/auth` for `ANY /auth/{proxy+}`; nil for the root proxy and routes without `{proxy+}`.
    static func prefix(of route: String) -> String? {
        let path = route.split(separator: " ").last.map(String.init) ?? route
        guard path.hasSuffix("/{proxy+}"), path != "/{proxy+}" else { return nil }
        return String(path.dropLast("/{proxy+}".count))
    }

    /// Whether an ALB path rule (`/auth/*`, `/auth*`) matches the paths under `prefix`.
    static func covers(_ rule: String, prefix: String) -> Bool {
        rule == prefix + "/*" || rule == prefix + "*" || rule.hasPrefix(prefix + "/")
    }

    /// What the API's private integrations reach: VPC links resolved to their targets,
    /// Cloud Map namespaces and internal load balancers.
    static func privateIntegrations(of api: Resource, in topology: StageTopology) -> [Resource] {
        var found: [Resource] = []
        for connection in topology.outgoing(api.id) {
            guard let target = topology.resource(connection.to) else { continue }
            switch target.kind {
            case .vpcLink:
                let behind = (target.strings("targets") + topology.outgoing(target.id).map(\.to)).uniqued().compactMap { topology.resource($0) }
                found += behind.isEmpty ? [target] : behind
            case .cloudMap: found.append(target)
            // Each pattern needs its own `where`: one clause after a list binds only the last.
            case .alb where !target.isInternetFacing, .nlb where !target.isInternetFacing: found.append(target)
            default: continue
            }
        }
        return found
    }
}
