import TopographModel

/// `AWS::Serverless::Api` and `AWS::Serverless::HttpApi`: the API, its stage, its
/// authorizers (`Auth.Authorizers`, `DefaultAuthorizer`) and the routes of its OpenAPI
/// `DefinitionBody`, each with its `x-amazon-apigateway-integration`, as the resources SAM
/// deploys (REST: resources and methods; HTTP: routes and integrations).
extension SAMTransform {
    mutating func restAPI(_ offset: Int) {
        let api = resources[offset]
        resources[offset].type = "AWS::ApiGateway::RestApi"
        // `EndpointConfiguration: REGIONAL`, or `{Type: PRIVATE, VPCEndpointIds: [...]}`.
        var endpoint: [IaCEntry] = []
        let configured = api["EndpointConfiguration"]
        endpoint.append(IaCEntry(key: "Types", value: .list([.string(configured?.literal ?? configured?["Type"]?.literal ?? "EDGE")])))
        if let ids = configured?["VPCEndpointIds"] { endpoint.append(IaCEntry(key: "VpcEndpointIds", value: ids)) }
        resources[offset].properties["EndpointConfiguration"] = .map(endpoint)
        let stage = api["StageName"] ?? .string("Prod")
        add(api.logicalID + (stage.literal ?? "") + "Stage", "AWS::ApiGateway::Stage", ["RestApiId": .reference(IaCReference(key: api.key)), "StageName": stage], from: api, what: "stage of \(api.logicalID)")
        authorizers(of: api, rest: true)
        for (path, method, integration) in Self.definitionRoutes(api["DefinitionBody"]) {
            var values: [String: IaCValue] = [:]
            for (name, property) in [("type", "Type"), ("uri", "Uri"), ("connectionId", "ConnectionId"), ("connectionType", "ConnectionType"), ("requestParameters", "RequestParameters")] {
                if let value = integration[name] { values[property] = value.literal.map { IaCValue.string(name == "type" ? $0.uppercased() : $0) } ?? value }
            }
            restRoute(api: api.key, path: path, method: method, integration: values, authorizer: nil, from: api)
        }
    }

    mutating func httpAPI(_ offset: Int) {
        let api = resources[offset]
        resources[offset].type = "AWS::ApiGatewayV2::Api"
        resources[offset].properties["ProtocolType"] = .string("HTTP")
        let stage = api["StageName"] ?? .string("$default")
        add(api.logicalID + "ApiGatewayDefaultStage", "AWS::ApiGatewayV2::Stage", ["ApiId": .reference(IaCReference(key: api.key)), "StageName": stage], from: api, what: "stage of \(api.logicalID)")
        authorizers(of: api, rest: false)
        for (path, method, integration) in Self.definitionRoutes(api["DefinitionBody"]) {
            var values: [String: IaCValue] = [:]
            for (name, property) in [("type", "IntegrationType"), ("uri", "IntegrationUri"), ("connectionId", "ConnectionId"), ("connectionType", "ConnectionType"), ("requestParameters", "RequestParameters"), ("integrationSubtype", "IntegrationSubtype")] {
                if let value = integration[name] { values[property] = value.literal.map { IaCValue.string(name == "type" ? $0.uppercased() : $0) } ?? value }
            }
            httpRoute(api: api.key, routeKey: "\(method) \(path)", integration: values, authorizer: nil, from: api)
        }
    }

    /// `paths: {/orders: {post: {x-amazon-apigateway-integration: ...}}}` -> (path, METHOD, integration).
    static func definitionRoutes(_ body: IaCValue?) -> [(String, String, IaCValue)] {
        var routes: [(String, String, IaCValue)] = []
        for path in body?["paths"]?.entries ?? [] where path.key.hasPrefix("/") {
            for operation in path.value.entries where !operation.key.hasPrefix("x-") || operation.key == "x-amazon-apigateway-any-method" {
                guard ["get", "put", "post", "delete", "options", "head", "patch", "x-amazon-apigateway-any-method"].contains(operation.key.lowercased()) else { continue }
                routes.append((path.key, method(operation.key), operation.value["x-amazon-apigateway-integration"] ?? .map([])))
            }
        }
        return routes
    }

    /// `Auth.Authorizers` as authorizer resources, keyed `<Api><Name>Authorizer` as SAM does.
    mutating func authorizers(of api: IaCResource, rest: Bool) {
        for authorizer in api["Auth"]?["Authorizers"]?.entries ?? [] {
            var values: [String: IaCValue] = [rest ? "RestApiId" : "ApiId": .reference(IaCReference(key: api.key))]
            if let function = authorizer.value["FunctionArn"] { values["AuthorizerUri"] = function }
            if let pool = authorizer.value["UserPoolArn"] { values["ProviderARNs"] = .list(pool.list) }
            if let issuer = authorizer.value["JwtConfiguration"]?["issuer"] ?? authorizer.value["JwtConfiguration"]?["Issuer"] {
                values["JwtConfiguration"] = .map([IaCEntry(key: "Issuer", value: issuer)])
            }
            add(api.logicalID + authorizer.key + "Authorizer", rest ? "AWS::ApiGateway::Authorizer" : "AWS::ApiGatewayV2::Authorizer", values, from: api, what: "authorizer \(authorizer.key) of \(api.logicalID)")
        }
    }

    /// The authorizer a route uses: its own `Auth.Authorizer`, else the API's `DefaultAuthorizer`; `NONE` is none.
    func authorizerKey(api: String, named name: String?) -> String? {
        guard let apiResource = resource(api) else { return nil }
        guard let chosen = name ?? apiResource["Auth"]?["DefaultAuthorizer"]?.literal, chosen != "NONE", chosen != "AWS_IAM" else { return nil }
        let key = api + chosen + "Authorizer"
        return resource(key) == nil ? nil : key
    }

    mutating func restRoute(api: String, path: String, method: String, integration: [String: IaCValue], authorizer: String?, from source: IaCResource) {
        let apiName = resource(api)?.logicalID ?? api
        var parent = IaCValue.reference(IaCReference(key: api, attribute: "RootResourceId"))
        var walked = ""
        for segment in path.split(separator: "/") {
            walked += "/" + segment
            let logicalID = apiName + "Resource" + walked
            add(logicalID, "AWS::ApiGateway::Resource", ["RestApiId": .reference(IaCReference(key: api)), "ParentId": parent, "PathPart": .string(String(segment))], from: source, what: "path \(walked) of \(apiName)")
            parent = .reference(IaCReference(key: prefix + logicalID))
        }
        var values: [String: IaCValue] = [
            "RestApiId": .reference(IaCReference(key: api)), "ResourceId": parent, "HttpMethod": .string(method),
            "Integration": .map(integration.sorted { $0.key < $1.key }.map { IaCEntry(key: $0.key, value: $0.value) }),
        ]
        if let key = authorizerKey(api: api, named: authorizer) { values["AuthorizerId"] = .reference(IaCReference(key: key)) }
        add(apiName + "Method" + walked + method, "AWS::ApiGateway::Method", values, from: source, what: "route \(method) \(path) of \(apiName)")
    }

    mutating func httpRoute(api: String, routeKey: String, integration: [String: IaCValue], authorizer: String?, from source: IaCResource) {
        let apiName = resource(api)?.logicalID ?? api
        var integrationValues = integration
        integrationValues["ApiId"] = .reference(IaCReference(key: api))
        let integrationID = apiName + "Integration" + routeKey
        add(integrationID, "AWS::ApiGatewayV2::Integration", integrationValues, from: source, what: "route \(routeKey) of \(apiName)")
        var values: [String: IaCValue] = [
            "ApiId": .reference(IaCReference(key: api)), "RouteKey": .string(routeKey),
            "Target": .text("integrations/<\(integrationID)>", references: [IaCReference(key: prefix + integrationID)]),
        ]
        if let key = authorizerKey(api: api, named: authorizer) { values["AuthorizerId"] = .reference(IaCReference(key: key)) }
        add(apiName + "Route" + routeKey, "AWS::ApiGatewayV2::Route", values, from: source, what: "route \(routeKey) of \(apiName)")
    }
}
