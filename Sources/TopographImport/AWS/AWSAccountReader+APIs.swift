import TopographModel

/// API Gateway: REST APIs (resources, methods with their integrations, authorizers,
/// stages, VPC links) and HTTP APIs (routes, integrations, authorizers, stages, VPC links).
extension AWSAccountReader {
    static let apiCalls: [AWSCall] = [
        AWSCall("apigateway", "get-rest-apis"), AWSCall("apigateway", "get-vpc-links"),
        AWSCall("apigatewayv2", "get-apis"), AWSCall("apigatewayv2", "get-vpc-links"),
    ]

    func restAPIs(_ fetched: Fetched) -> [String] {
        (fetched[AWSCall("apigateway", "get-rest-apis")]?["items"].array ?? []).compactMap { $0["id"].string }
    }

    func httpAPIs(_ fetched: Fetched) -> [String] {
        (fetched[AWSCall("apigatewayv2", "get-apis")]?["Items"].array ?? []).filter { $0["ProtocolType"].string == "HTTP" }.compactMap { $0["ApiId"].string }
    }

    func webSocketAPIs(_ fetched: Fetched) -> [String] {
        (fetched[AWSCall("apigatewayv2", "get-apis")]?["Items"].array ?? []).filter { $0["ProtocolType"].string == "WEBSOCKET" }.compactMap { $0["ApiId"].string }
    }

    func apiDetailCalls(_ fetched: Fetched) -> [AWSCall] {
        restAPIs(fetched).flatMap { id in
            [AWSCall("apigateway", "get-resources", ["--rest-api-id", id, "--embed", "methods"]),
             AWSCall("apigateway", "get-authorizers", ["--rest-api-id", id]), AWSCall("apigateway", "get-stages", ["--rest-api-id", id])]
        } + httpAPIs(fetched).flatMap { id in
            ["get-routes", "get-integrations", "get-authorizers", "get-stages"].map { AWSCall("apigatewayv2", $0, ["--api-id", id]) }
        } + webSocketAPIs(fetched).flatMap { id in
            ["get-routes", "get-stages"].map { AWSCall("apigatewayv2", $0, ["--api-id", id]) }
        }
    }

    /// An endpoint without `get-authorizers` (moto) may still answer `get-authorizer` for
    /// the ids the routes name.
    func authorizerFallbackCalls(_ first: Fetched, _ second: Fetched) -> [AWSCall] {
        httpAPIs(first).flatMap { id -> [AWSCall] in
            guard second[AWSCall("apigatewayv2", "get-authorizers", ["--api-id", id])] == nil else { return [] }
            let routes = second[AWSCall("apigatewayv2", "get-routes", ["--api-id", id])]?["Items"].array ?? []
            return Set(routes.compactMap { $0["AuthorizerId"].string }).sorted().map {
                AWSCall("apigatewayv2", "get-authorizer", ["--api-id", id, "--authorizer-id", $0])
            }
        }
    }

    func readAPIs(_ first: Fetched, _ second: Fetched) {
        let b = builder
        for link in first[AWSCall("apigateway", "get-vpc-links")]?["items"].array ?? [] {
            guard let id = link["id"].string else { continue }
            b.add("rest-vpc-link:\(id)", "AWS::ApiGateway::VpcLink", ["Name": .string(link["name"].string ?? id), "TargetArns": b.refs(link["targetArns"].strings)],
                  name: link["name"].string ?? id, identifiers: [id])
        }
        for link in first[AWSCall("apigatewayv2", "get-vpc-links")]?["Items"].array ?? [] {
            guard let id = link["VpcLinkId"].string else { continue }
            b.add("http-vpc-link:\(id)", "AWS::ApiGatewayV2::VpcLink", [
                "Name": .string(link["Name"].string ?? id), "SubnetIds": b.refs(link["SubnetIds"].strings), "SecurityGroupIds": b.refs(link["SecurityGroupIds"].strings),
            ], name: link["Name"].string ?? id, identifiers: [id], tags: link["Tags"].object.map { ($0.key, $0.value.string ?? "") }.sorted { $0.0 < $1.0 })
        }
        for api in first[AWSCall("apigateway", "get-rest-apis")]?["items"].array ?? [] {
            guard let id = api["id"].string else { continue }
            readRESTAPI(id, api, second)
        }
        for api in first[AWSCall("apigatewayv2", "get-apis")]?["Items"].array ?? [] where api["ProtocolType"].string == "HTTP" {
            guard let id = api["ApiId"].string else { continue }
            readHTTPAPI(id, api, second)
        }
        for api in first[AWSCall("apigatewayv2", "get-apis")]?["Items"].array ?? [] where api["ProtocolType"].string == "WEBSOCKET" {
            guard let id = api["ApiId"].string else { continue }
            readWebSocketAPI(id, api, second)
        }
    }

    func readRESTAPI(_ id: String, _ api: AWSJSON, _ fetched: Fetched) {
        let b = builder
        let key = "rest-api:\(id)"
        let endpoint = api["endpointConfiguration"]
        b.add(key, "AWS::ApiGateway::RestApi", [
            "Name": .string(api["name"].string ?? id),
            "EndpointConfiguration": .map([
                IaCEntry(key: "Types", value: .list(endpoint["types"].strings.map { .string($0) })),
                IaCEntry(key: "VpcEndpointIds", value: b.refs(endpoint["vpcEndpointIds"].strings)),
            ]),
        ], name: api["name"].string ?? id, identifiers: [id, b.arn("apigateway", "/restapis/\(id)", region: nil).replacingOccurrences(of: ":\(b.account):", with: "::")], tags: api["tags"].object.map { ($0.key, $0.value.string ?? "") }.sorted { $0.0 < $1.0 })
        var variables: [String: String] = [:]
        for stage in fetched[AWSCall("apigateway", "get-stages", ["--rest-api-id", id])]?["item"].array ?? [] {
            guard let name = stage["stageName"].string else { continue }
            b.add("\(key)/stage/\(name)", "AWS::ApiGateway::Stage", ["RestApiId": b.id(key), "StageName": .string(name)], name: name)
            for (variable, value) in stage["variables"].object { variables[variable] = value.string }
        }
        for authorizer in fetched[AWSCall("apigateway", "get-authorizers", ["--rest-api-id", id])]?["items"].array ?? [] {
            guard let authorizerID = authorizer["id"].string else { continue }
            b.add("\(key)/authorizer/\(authorizerID)", "AWS::ApiGateway::Authorizer", [
                "RestApiId": b.id(key), "AuthorizerUri": b.text(authorizer["authorizerUri"].string) ?? .null,
                "ProviderARNs": b.refs(authorizer["providerARNs"].strings),
            ], name: authorizer["name"].string ?? authorizerID)
        }
        for resource in fetched[AWSCall("apigateway", "get-resources", ["--rest-api-id", id, "--embed", "methods"])]?["items"].array ?? [] {
            guard let resourceID = resource["id"].string else { continue }
            let resourceKey = "\(key)/resource/\(resourceID)"
            if let part = resource["pathPart"].string, let parent = resource["parentId"].string {
                b.add(resourceKey, "AWS::ApiGateway::Resource", ["RestApiId": b.id(key), "ParentId": b.id("\(key)/resource/\(parent)"), "PathPart": .string(part)], name: resource["path"].string ?? resourceID)
            }
            for (verb, method) in resource["resourceMethods"].object.sorted(by: { $0.key < $1.key }) {
                var properties: [String: IaCValue] = ["RestApiId": b.id(key), "ResourceId": b.id(resourceKey), "HttpMethod": .string(verb)]
                if let authorizer = method["authorizerId"].string { properties["AuthorizerId"] = b.ref("\(key)/authorizer/\(authorizer)") }
                let parameters = method["requestParameters"].object.keys.sorted().map { IaCEntry(key: $0, value: .bool(method["requestParameters"][$0].bool ?? false)) }
                if !parameters.isEmpty { properties["RequestParameters"] = .map(parameters) }
                let integration = method["methodIntegration"]
                if !integration.isNull {
                    // `${stageVariables.vpcLinkId}`: the stage says which link.
                    var connection = integration["connectionId"].string
                    if let text = connection, text.hasPrefix("${stageVariables."), let name = text.dropFirst("${stageVariables.".count).split(separator: "}").first {
                        connection = variables[String(name)] ?? connection
                    }
                    var entries = [IaCEntry(key: "Type", value: .string(integration["type"].string ?? ""))]
                    if let value = integration["connectionType"].string { entries.append(IaCEntry(key: "ConnectionType", value: .string(value))) }
                    if let value = b.ref(connection) { entries.append(IaCEntry(key: "ConnectionId", value: value)) }
                    if let value = b.text(integration["uri"].string) { entries.append(IaCEntry(key: "Uri", value: value)) }
                    properties["Integration"] = .map(entries)
                }
                b.add("\(resourceKey)/\(verb)", "AWS::ApiGateway::Method", properties, name: "\(verb) \(resource["path"].string ?? resourceID)")
            }
        }
    }

    func readHTTPAPI(_ id: String, _ api: AWSJSON, _ fetched: Fetched) {
        let b = builder
        let key = "http-api:\(id)"
        b.add(key, "AWS::ApiGatewayV2::Api", ["Name": .string(api["Name"].string ?? id), "ProtocolType": .string("HTTP")],
              name: api["Name"].string ?? id, identifiers: [id], tags: api["Tags"].object.map { ($0.key, $0.value.string ?? "") }.sorted { $0.0 < $1.0 })
        func items(_ operation: String) -> [AWSJSON] { fetched[AWSCall("apigatewayv2", operation, ["--api-id", id])]?["Items"].array ?? [] }
        let fallback = fetched.filter { $0.key.operation == "get-authorizer" && $0.key.arguments.dropFirst().first == id }.sorted { $0.key.arguments.lexicographicallyPrecedes($1.key.arguments) }.map(\.value)
        for authorizer in items("get-authorizers") + fallback {
            guard let authorizerID = authorizer["AuthorizerId"].string else { continue }
            var properties: [String: IaCValue] = ["ApiId": b.id(key), "AuthorizerType": .string(authorizer["AuthorizerType"].string ?? "")]
            if let uri = b.text(authorizer["AuthorizerUri"].string) { properties["AuthorizerUri"] = uri }
            if let issuer = b.text(authorizer["JwtConfiguration"]["Issuer"].string) { properties["JwtConfiguration"] = .map([IaCEntry(key: "Issuer", value: issuer)]) }
            b.add("\(key)/authorizer/\(authorizerID)", "AWS::ApiGatewayV2::Authorizer", properties, name: authorizer["Name"].string ?? authorizerID)
        }
        for route in items("get-routes") {
            guard let routeID = route["RouteId"].string else { continue }
            var properties: [String: IaCValue] = ["ApiId": b.id(key), "RouteKey": .string(route["RouteKey"].string ?? "")]
            if let authorizer = route["AuthorizerId"].string { properties["AuthorizerId"] = b.ref("\(key)/authorizer/\(authorizer)") }
            b.add("\(key)/route/\(routeID)", "AWS::ApiGatewayV2::Route", properties, name: route["RouteKey"].string ?? routeID)
        }
        for integration in items("get-integrations") {
            guard let integrationID = integration["IntegrationId"].string else { continue }
            var properties: [String: IaCValue] = ["ApiId": b.id(key), "IntegrationType": .string(integration["IntegrationType"].string ?? "")]
            if let value = integration["ConnectionType"].string { properties["ConnectionType"] = .string(value) }
            if let value = b.ref(integration["ConnectionId"].string) { properties["ConnectionId"] = value }
            if let value = b.text(integration["IntegrationUri"].string) { properties["IntegrationUri"] = value }
            let parameters = integration["RequestParameters"].object.keys.sorted().map { IaCEntry(key: $0, value: .string(integration["RequestParameters"][$0].string ?? "")) }
            if !parameters.isEmpty { properties["RequestParameters"] = .map(parameters) }
            b.add("\(key)/integration/\(integrationID)", "AWS::ApiGatewayV2::Integration", properties, name: integrationID)
        }
        for stage in items("get-stages") {
            guard let name = stage["StageName"].string else { continue }
            b.add("\(key)/stage/\(name)", "AWS::ApiGatewayV2::Stage", ["ApiId": b.id(key), "StageName": .string(name)], name: name)
        }
    }

    /// A WebSocket API with its route keys (`$connect`, `sendMessage`) and stages.
    func readWebSocketAPI(_ id: String, _ api: AWSJSON, _ fetched: Fetched) {
        let b = builder
        let key = "websocket-api:\(id)"
        var properties: [String: IaCValue] = ["Name": .string(api["Name"].string ?? id), "ProtocolType": .string("WEBSOCKET")]
        if let selection = api["RouteSelectionExpression"].string { properties["RouteSelectionExpression"] = .string(selection) }
        b.add(key, "AWS::ApiGatewayV2::Api", properties, name: api["Name"].string ?? id, identifiers: [id],
              tags: api["Tags"].object.map { ($0.key, $0.value.string ?? "") }.sorted { $0.0 < $1.0 })
        for route in fetched[AWSCall("apigatewayv2", "get-routes", ["--api-id", id])]?["Items"].array ?? [] {
            guard let routeID = route["RouteId"].string else { continue }
            b.add("\(key)/route/\(routeID)", "AWS::ApiGatewayV2::Route", ["ApiId": b.id(key), "RouteKey": .string(route["RouteKey"].string ?? "")],
                  name: route["RouteKey"].string ?? routeID)
        }
        for stage in fetched[AWSCall("apigatewayv2", "get-stages", ["--api-id", id])]?["Items"].array ?? [] {
            guard let name = stage["StageName"].string else { continue }
            b.add("\(key)/stage/\(name)", "AWS::ApiGatewayV2::Stage", ["ApiId": b.id(key), "StageName": .string(name)], name: name)
        }
    }
}
