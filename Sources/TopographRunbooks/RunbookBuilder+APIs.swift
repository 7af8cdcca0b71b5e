import Foundation
import TopographModel

extension RunbookBuilder {
    // MARK: - HTTP APIs

    func httpAPIs(in stage: StageTopology) -> [HTTPAPIContext] {
        stage.resources(ofKind: .httpAPI).filter { api in
            includes(api) || targets(of: api, in: stage, kinds: [.vpcLink]).contains(where: includes)
        }.map { api in
            let variable = RunbookNames.variable(api.id)
            let link = targets(of: api, in: stage, kinds: [.vpcLink]).first
            let linkTargets = link.map { targets(of: $0, in: stage, kinds: [.cloudMap, .ecsService, .alb, .nlb]) } ?? []
            let balancer = linkTargets.first { [KindID.alb, .nlb].contains($0.kind) }
            let service = linkTargets.first { $0.kind == .ecsService }
            let lambda = targets(of: api, in: stage, kinds: [.lambda]).first { $0.id != api.string("authorizer") }
            let authorizer = api.string("authorizer").flatMap { stage.resource($0) }
            let mapping = api.string("path_mapping") ?? ""
            let health = service?.string("health_check") ?? balancer?.string("health_check") ?? "/health"
            let reached = stage.outgoing(api.id).compactMap { stage.resource($0.to) }.filter { $0.id != api.string("authorizer") && $0.kind != .vpcLink }
            let awsService = balancer == nil && service == nil && lambda == nil
                ? reached.lazy.compactMap { ServiceIntegrationContext.make(api: api, target: $0, variable: variable) }.first : nil
            let integrated = balancer != nil || service != nil || (link == nil && lambda != nil) || awsService != nil
            let integration = IntegrationContext(
                isCloudMap: balancer == nil && service != nil, isListener: balancer != nil, isLambda: link == nil && lambda != nil,
                cloudMapLookup: RunbookNames.lookup("Services", "Name", service?.name ?? "", select: "Arn"),
                listenerLoadBalancer: balancer.map { RunbookNames.variable($0.id) } ?? "",
                listenerLookup: RunbookNames.lookup("LoadBalancers", "LoadBalancerName", balancer?.name ?? "", select: "LoadBalancerArn"),
                listenerPort: String(balancer?["listeners"]?.listValue?.first?.intValue ?? 80),
                lambdaName: ShellWord(lambda?.name ?? ""),
                requestParameters: ShellWord(mapping.isEmpty ? "" : "{\"overwrite:path\":" + Self.jsonString(mapping) + "}"),
                hasPathMapping: !mapping.isEmpty, pathMapping: ShellWord(mapping),
                targetLabel: ShellWord(balancer?.id ?? service?.id ?? lambda?.id ?? reached.first?.id ?? ""), service: awsService)
            let routes = api.strings("routes").map { route -> RouteContext in
                let (method, path) = RunbookNames.pathOf(route: route)
                let greedy = String(health.split(separator: "/").last ?? "health")
                return RouteContext(
                    routeKey: ShellWord(route), lookupQuery: RunbookNames.lookup("Items", "RouteKey", route, select: "RouteId"),
                    method: ShellWord(method), samplePath: RunbookNames.samplePath(path, greedy: greedy),
                    curlMethod: ShellWord(method == "ANY" ? "GET" : method))
            }
            let linkName = link?.name ?? ""
            return HTTPAPIContext(
                id: ShellWord(api.id), label: ProseText(api.label), name: ShellWord(api.name), variable: variable,
                lookupQuery: RunbookNames.lookup("Items", "Name", api.name, select: "ApiId"),
                stageName: ShellWord(api.string("stage_name") ?? "$default"),
                stageLookup: RunbookNames.lookup("Items", "StageName", api.string("stage_name") ?? "$default", select: "StageName"),
                hasVpcLink: link != nil, vpcLinkName: ShellWord(linkName), vpcLinkVariable: link.map { RunbookNames.variable($0.id) } ?? "",
                vpcLinkLookup: RunbookNames.lookup("Items", "Name", linkName, select: "VpcLinkId"),
                vpcLinkSubnetWords: link.map { RunbookNames.subnetWords(subnets(of: $0, in: stage)) } ?? "",
                vpcLinkSecurityGroupVariable: link.map { Self.securityGroupVariable($0.id) } ?? "",
                integration: integrated ? integration : nil, hasIntegration: integrated,
                hasAuthorizer: authorizer != nil, isJWT: authorizer?.kind == .cognito,
                authorizerName: ShellWord(authorizer?.name ?? ""),
                authorizerLookup: RunbookNames.lookup("Items", "Name", authorizer?.name ?? "", select: "AuthorizerId"),
                userPoolVariable: authorizer.map { RunbookNames.variable($0.id) + "_POOL_ID" } ?? "",
                userPoolClientVariable: authorizer.map { RunbookNames.variable($0.id) + "_CLIENT_ID" } ?? "",
                poolLookup: RunbookNames.lookup("UserPools", "Name", authorizer?.name ?? "", select: "Id"),
                routes: routes)
        }
    }

    // MARK: - REST APIs

    func restAPIs(in stage: StageTopology) -> [RESTAPIContext] {
        stage.resources(ofKind: .restAPI).filter { api in
            includes(api) || targets(of: api, in: stage, kinds: [.vpcLink]).contains(where: includes)
        }.map { api in
            let variable = RunbookNames.variable(api.id)
            let link = targets(of: api, in: stage, kinds: [.vpcLink]).first
            let nlb = link.flatMap { targets(of: $0, in: stage, kinds: [.nlb]).first }
            let authorizer = api.string("authorizer").flatMap { stage.resource($0) }
            let isCognito = authorizer?.kind == .cognito
            let endpoint = stage.resources(ofKind: .vpcEndpoint).first { $0.string("service") == "execute-api" }
            let waf = stage.incoming(api.id).compactMap { stage.resource($0.from) }.first { $0.kind == .waf }
            let headers = api.strings("request_headers")
            // Routes served by S3 or a Lambda: a connection from the API labelled with the route's path.
            var special: [String: Resource] = [:]
            for edge in stage.outgoing(api.id) {
                guard let target = stage.resource(edge.to), [KindID.s3, .lambda].contains(target.kind), target.id != authorizer?.id,
                      let label = edge.label, label.hasPrefix("/") else { continue }
                special[label] = target
            }
            var resources: [RESTResourceContext] = []
            var variables: [String: String] = ["/": "\(variable)_ROOT"]
            var methods: [RESTMethodContext] = []
            let defaultLambda = link == nil ? targets(of: api, in: stage, kinds: [.lambda]).first { $0.id != authorizer?.id } : nil
            for route in api.strings("routes") {
                let (method, path) = RunbookNames.pathOf(route: route)
                var current = ""
                var parameters: [String] = []
                for part in path.split(separator: "/").map(String.init) {
                    let parentPath = current.isEmpty ? "/" : current
                    current += "/" + part
                    if part.hasPrefix("{") { parameters.append(part.trimmingCharacters(in: CharacterSet(charactersIn: "{}+"))) }
                    if variables[current] == nil {
                        let resourceVariable = "\(variable)_RES_\(resources.count + 1)"
                        variables[current] = resourceVariable
                        resources.append(RESTResourceContext(
                            apiVariable: variable, variable: resourceVariable, parentVariable: variables[parentPath] ?? "\(variable)_ROOT",
                            pathPart: ShellWord(part), path: ShellWord(current),
                            lookupQuery: RunbookNames.lookup("items", "path", current, select: "id")))
                    }
                }
                let target = special[path] ?? (link == nil ? defaultLambda : nil)
                let requestParameters = parameters.map { "method.request.path.\($0)=true" } + headers.map { "method.request.header.\($0)=false" }
                let uriPath = path.split(separator: "/").map { $0.hasSuffix("+}") ? "{\($0.dropFirst().dropLast(2))}" : String($0) }.joined(separator: "/")
                var integrationParameters = parameters.map { "integration.request.path.\($0)=method.request.path.\($0)" }
                if target?.kind == .s3 { integrationParameters = ["integration.request.path.object=context.requestId"] }
                methods.append(RESTMethodContext(
                    apiVariable: variable, resourceVariable: variables[path == "/" ? "/" : current] ?? "\(variable)_ROOT",
                    httpMethod: ShellWord(method), routeKey: ShellWord(route),
                    requestParameters: ShellWord(requestParameters.joined(separator: ",")), hasRequestParameters: !requestParameters.isEmpty,
                    integrationType: ShellWord(target?.kind == .s3 ? "AWS" : target?.kind == .lambda ? "AWS_PROXY" : "HTTP_PROXY"),
                    isVpcLink: target == nil && link != nil, isS3: target?.kind == .s3, isLambda: target?.kind == .lambda,
                    integrationMethod: ShellWord(target?.kind == .s3 ? "PUT" : target?.kind == .lambda ? "POST" : method),
                    uriSuffix: ShellWord("/" + uriPath),
                    integrationParameters: ShellWord(integrationParameters.joined(separator: ",")), hasIntegrationParameters: !integrationParameters.isEmpty,
                    bucket: ShellWord(target?.kind == .s3 ? target!.name : ""), lambdaName: ShellWord(target?.kind == .lambda ? target!.name : ""),
                    samplePath: RunbookNames.samplePath(path, greedy: "health"), curlMethod: ShellWord(method == "ANY" ? "GET" : method)))
            }
            let successCodes = (api["success_codes"]?.listValue ?? []).compactMap(\.intValue).filter { $0 != 200 }
            let codeMethods = methods.filter { $0.httpMethod.value == "POST" || $0.httpMethod.value == "ANY" }
            return RESTAPIContext(
                id: ShellWord(api.id), label: ProseText(api.label), name: ShellWord(api.name), variable: variable,
                lookupQuery: RunbookNames.lookup("items", "name", api.name, select: "id"),
                isPrivate: api.string("endpoint") == "private", endpointType: ShellWord((api.string("endpoint") ?? "regional").uppercased()),
                endpointVariable: endpoint.map { RunbookNames.variable($0.id) + "_ID" } ?? "",
                stageName: ShellWord(api.string("stage_name") ?? "prod"),
                hasVpcLink: link != nil && nlb != nil, vpcLinkName: ShellWord(link?.name ?? ""),
                vpcLinkVariable: link.map { RunbookNames.variable($0.id) } ?? "",
                vpcLinkLookup: RunbookNames.lookup("items", "name", link?.name ?? "", select: "id"),
                nlbVariable: nlb.map { RunbookNames.variable($0.id) } ?? "",
                nlbLookup: RunbookNames.lookup("LoadBalancers", "LoadBalancerName", nlb?.name ?? "", select: "LoadBalancerArn"),
                resourcePolicy: Self.resourcePolicy,
                hasAuthorizer: authorizer != nil, authorizerType: ShellWord(isCognito ? "COGNITO_USER_POOLS" : "REQUEST"),
                authorizerName: ShellWord(authorizer?.name ?? ""),
                authorizerLookup: RunbookNames.lookup("items", "name", authorizer?.name ?? "", select: "id"),
                isCognito: isCognito, poolLookup: RunbookNames.lookup("UserPools", "Name", authorizer?.name ?? "", select: "Id"), userPoolVariable: authorizer.map { RunbookNames.variable($0.id) + "_POOL_ID" } ?? "",
                lambdaName: ShellWord(isCognito ? "" : authorizer?.name ?? ""),
                identitySource: ShellWord(headers.contains { $0.lowercased() == "cookie" } && !isCognito ? "method.request.header.Cookie" : "method.request.header.Authorization"),
                methodAuthorization: ShellWord(authorizer == nil ? "NONE" : isCognito ? "COGNITO_USER_POOLS" : "CUSTOM"),
                resources: resources, methods: methods,
                hasWaf: waf != nil, wafName: ShellWord(waf?.name ?? ""),
                wafLookup: RunbookNames.lookup("WebACLs", "Name", waf?.name ?? "", select: "ARN"),
                successCodes: successCodes.flatMap { code in codeMethods.map { SuccessCode(code: String(code), resourceVariable: $0.resourceVariable, httpMethod: $0.httpMethod) } },
                hasSuccessCodes: !successCodes.isEmpty && !codeMethods.isEmpty)
        }
    }

    static func jsonString(_ value: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// The resource policy of a private REST API: only this VPC may invoke it. `$VPC_ID` is
    /// expanded by the unquoted heredoc that writes it; nothing else in it is a variable.
    static let resourcePolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*",
             "Condition": {"StringNotEquals": {"aws:SourceVpc": "$VPC_ID"}}},
            {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}
          ]
        }
        """
}
