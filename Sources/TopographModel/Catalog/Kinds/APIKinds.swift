extension KindCatalog {
    private static func apiAttributes(rest: Bool) -> [AttributeSpec] {
        var attributes = [
            AttributeSpec("endpoint", .oneOf(["regional", "private", "edge"]), "The endpoint type."),
            AttributeSpec("routes", .list(.string), "Routes as `METHOD /path`, e.g. `ANY /auth/{proxy+}`."),
            AttributeSpec("path_mapping", .string, "Path overwrite for private integrations; `/$request.path.proxy` strips the route prefix."),
            AttributeSpec("stage_name", .string, "The deployment stage, e.g. `prod` (an HTTP API defaults to `$default`)."),
            AttributeSpec("authorizer", .reference([.lambda, .cognito]), "Id of the Lambda or Cognito authorizer."),
            AttributeSpec("success_codes", .list(.int), "Success status codes other than 200 the integration returns, e.g. [201]."),
        ]
        if rest {
            attributes.append(AttributeSpec(
                "request_headers", .list(.string),
                "Method request headers passed to the integration, e.g. [Cookie] for a session id.", isExtension: true))
        }
        return attributes
    }

    static let apiKinds: [KindSpec] = [
        KindSpec(
            .httpAPI, .api, title: "API Gateway HTTP API",
            summary: "An HTTP API; reaches private services through a VPC link to Cloud Map or a load balancer.",
            attributes: apiAttributes(rest: false), shape: .parallelogram,
            example: "api: { kind: api-gateway-http, routes: [\"ANY /auth/{proxy+}\"], path_mapping: \"/$request.path.proxy\" }"),
        KindSpec(
            .restAPI, .api, title: "API Gateway REST API",
            summary: "A REST API; reaches private services through a VPC link to an NLB, and can itself be private.",
            attributes: apiAttributes(rest: true), shape: .parallelogram,
            example: "rest-api: { kind: api-gateway-rest, endpoint: private, routes: [\"ANY /{proxy+}\"], stage_name: prod }"),
    ]
}
