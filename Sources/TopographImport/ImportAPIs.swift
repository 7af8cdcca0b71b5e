import TopographModel
import TopographInput
import TopographDiff
/// API Gateway: an API's routes, stage, authorizer and path mapping are spread over many
/// template resources (routes, integrations, methods, stages, authorizers); they fold into
/// the API's attributes, and its integrations into connections.
extension ImportBuilder {
    func httpAPIAttributes(_ api: IaCResource, into result: inout [(String, AttributeValue)]) {
        func put(_ name: String, _ value: AttributeValue?) { if let value { result.append((name, value)) } }
        let routes = referrers("AWS::ApiGatewayV2::Route", "ApiId", to: api.key)
        let keys = routes.compactMap { $0["RouteKey"]?.literal }
        if !keys.isEmpty, !Self.isWebSocket(api) { put("routes", .list(keys.map { .string($0) })) }
        let mappings = Set(referrers("AWS::ApiGatewayV2::Integration", "ApiId", to: api.key).compactMap { $0["RequestParameters"]?["overwrite:path"]?.literal })
        if mappings.count == 1, let mapping = mappings.first { put("path_mapping", .string(mapping)) }
        if let stage = referrers("AWS::ApiGatewayV2::Stage", "ApiId", to: api.key).first?["StageName"]?.literal { put("stage_name", .string(stage)) }
        put("authorizer", authorizer(routes.flatMap { $0["AuthorizerId"]?.referencedKeys ?? [] }))
    }

    func restAPIAttributes(_ api: IaCResource, into result: inout [(String, AttributeValue)]) {
        func put(_ name: String, _ value: AttributeValue?) { if let value { result.append((name, value)) } }
        let methods = referrers("AWS::ApiGateway::Method", "RestApiId", to: api.key)
        let routes = methods.compactMap { method -> String? in
            guard let verb = method["HttpMethod"]?.literal else { return nil }
            return "\(verb) \(restPath(method["ResourceId"]))"
        }
        if !routes.isEmpty { put("routes", .list(routes.map { .string($0) })) }
        let stage = referrers("AWS::ApiGateway::Stage", "RestApiId", to: api.key).first?["StageName"]?.literal
            ?? referrers("AWS::ApiGateway::Deployment", "RestApiId", to: api.key).compactMap { $0["StageName"]?.literal }.first
        put("stage_name", stage.map { .string($0) })
        put("authorizer", authorizer(methods.flatMap { $0["AuthorizerId"]?.referencedKeys ?? [] }))
        var headers: [String] = []
        for method in methods {
            for entry in method["RequestParameters"]?.entries ?? [] where entry.key.hasPrefix("method.request.header.") {
                let header = String(entry.key.dropFirst("method.request.header.".count))
                if !headers.contains(header) { headers.append(header) }
            }
        }
        if !headers.isEmpty { put("request_headers", .list(headers.map { .string($0) })) }
    }

    /// `/auth/{proxy+}` from a chain of `AWS::ApiGateway::Resource`s (the root is `/`).
    func restPath(_ value: IaCValue?, depth: Int = 0) -> String {
        guard depth < 32, let reference = value?.references.first, reference.attribute != "RootResourceId",
              let resource = byKey[reference.key], resource.type == "AWS::ApiGateway::Resource" else { return "/" }
        let parent = restPath(resource["ParentId"], depth: depth + 1)
        let part = resource["PathPart"]?.literal ?? "?"
        return parent == "/" ? "/" + part : parent + "/" + part
    }

    /// The function or user pool behind the authorizers the routes use.
    func authorizer(_ keys: [String]) -> AttributeValue? {
        for key in keys {
            guard let authorizer = byKey[key] else { continue }
            let candidates = nodeKeys(authorizer["AuthorizerUri"]) + nodeKeys(authorizer["JwtConfiguration"]?["Issuer"])
                + nodeKeys(authorizer["ProviderARNs"]) + nodeKeys(authorizer["IdentitySource"])
            if let found = candidates.first(where: { kindByKey[$0] == KindID.lambda.rawValue || kindByKey[$0] == KindID.cognito.rawValue }), let id = idByKey[found] {
                return .string(id)
            }
        }
        return nil
    }

    /// Integrations, VPC links, authorizers and private endpoints.
    func connectAPIs() {
        for integration in byType["AWS::ApiGatewayV2::Integration"] ?? [] {
            for api in nodeKeys(integration["ApiId"]) {
                integrate(api: api, type: integration["IntegrationType"]?.literal, connection: integration["ConnectionId"], uri: integration["IntegrationUri"], parameters: integration["RequestParameters"], httpAPI: true)
            }
        }
        for method in byType["AWS::ApiGateway::Method"] ?? [] {
            guard let integration = method["Integration"] else { continue }
            for api in nodeKeys(method["RestApiId"]) {
                integrate(api: api, type: integration["Type"]?.literal, connection: integration["ConnectionId"], uri: integration["Uri"], parameters: integration["RequestParameters"], httpAPI: false)
            }
        }
        for node in nodes where node.kind == KindID.httpAPI.rawValue || node.kind == KindID.restAPI.rawValue {
            if let id = field(node.key, "authorizer")?.stringValue, let authorizer = idByKey.first(where: { $0.value == id })?.key {
                if kindByKey[authorizer] == KindID.lambda.rawValue {
                    addEdge(node.key, authorizer, label: "authorize", why: "the API's routes use an authorizer that invokes this function")
                } else if kindByKey[authorizer] == KindID.cognito.rawValue {
                    addEdge(node.key, authorizer, label: "verify JWT", why: "the API's routes accept tokens this user pool issues")
                }
            }
        }
        // A REST VPC link forwards to the NLBs it targets.
        for node in nodes where node.kind == KindID.vpcLink.rawValue {
            for target in nodeKeys(byKey[node.key]?["TargetArns"]) {
                addEdge(node.key, target, why: "TargetArns of the VPC link")
            }
        }
        // A private REST API is reached only through execute-api interface endpoints.
        for node in nodes where node.kind == KindID.restAPI.rawValue {
            guard let api = byKey[node.key] else { continue }
            for endpoint in nodeKeys(api["EndpointConfiguration"]?["VpcEndpointIds"]) {
                addEdge(endpoint, node.key, why: "VpcEndpointIds of the private API")
            }
            if field(node.key, "endpoint")?.stringValue == "private" {
                for endpoint in nodes where endpoint.kind == KindID.vpcEndpoint.rawValue && field(endpoint.key, "service")?.stringValue == "execute-api" {
                    addEdge(endpoint.key, node.key, why: "a private REST API is reached through the execute-api endpoint")
                }
            }
        }
    }

    private func integrate(api: String, type: String?, connection: IaCValue?, uri: IaCValue?, parameters: IaCValue?, httpAPI: Bool) {
        let links = nodeKeys(connection).filter { kindByKey[$0] == KindID.vpcLink.rawValue }
        if let link = links.first {
            addEdge(api, link, label: "private integration", why: "the integration's ConnectionId is this VPC link")
            for key in uri?.referencedKeys ?? [] {
                guard let target = byKey[key] else { continue }
                switch target.type {
                case "AWS::ServiceDiscovery::Service":
                    for namespace in nodeKeys(target["NamespaceId"]) { addTarget(link, namespace) }
                    for service in nodes where service.kind == KindID.ecsService.rawValue {
                        let registries = byKey[service.key]?["ServiceRegistries"]?.list ?? []
                        if registries.contains(where: { $0["RegistryArn"]?.referencedKeys.contains(key) == true }) {
                            addEdge(link, service.key, via: KindID.cloudMap.rawValue, why: "the integration targets the Cloud Map service this ECS service registers in")
                        }
                    }
                case "AWS::ElasticLoadBalancingV2::Listener":
                    for balancer in nodeKeys(target["LoadBalancerArn"]) {
                        addTarget(link, balancer)
                        addEdge(link, balancer, port: target["Port"]?.int, why: "the integration targets this load balancer's listener")
                    }
                default:
                    if kindByKey[key] != nil {
                        addTarget(link, key)
                        addEdge(link, key, why: "the integration URI names it")
                    }
                }
            }
            return
        }
        // A Lambda proxy integration invokes its function; an AWS service integration sends to
        // the queue, state machine, stream or bus its URI or request parameters name.
        for key in nodeKeys(uri) + nodeKeys(parameters) where key != api {
            addEdge(api, key, why: "a \(type ?? "proxy") integration calls it")
        }
        // An AWS service integration (`arn:aws:apigateway:REGION:s3:path/BUCKET/...`) calls the bucket.
        for key in nodeKeys(uri) where kindByKey[key] == KindID.s3.rawValue {
            addEdge(api, key, why: "an \(type ?? "AWS") integration calls this bucket")
        }
    }

    private func addTarget(_ link: String, _ target: String) {
        guard let id = idByKey[target] else { return }
        var targets = field(link, "targets")?.listValue ?? []
        if !targets.contains(.string(id)) { targets.append(.string(id)) }
        setField(link, "targets", .list(targets))
    }
}
