import TopographModel

/// A function's (or state machine's) `Events`, as the resources SAM generates for them:
/// event source mappings (SQS, Kinesis, DynamoDB, MSK, MQ, DocumentDB), topic
/// subscriptions (SNS), bucket notifications (S3), EventBridge rules (EventBridgeRule,
/// CloudWatchEvent, Schedule), EventBridge Scheduler schedules (ScheduleV2), log
/// subscription filters (CloudWatchLogs), user pool triggers (Cognito) and API routes
/// (Api, HttpApi). Each names the target, so each becomes a connection.
extension SAMTransform {
    mutating func events(of source: IaCResource, target: IaCValue) {
        for event in source["Events"]?.entries ?? [] {
            let properties = event.value["Properties"] ?? .map([])
            let id = source.logicalID + event.key
            let what = "event \(event.key) of \(source.logicalID)"
            func mapping(_ property: String) -> [String: IaCValue]? {
                properties[property].map { ["EventSourceArn": $0, "FunctionName": target] }
            }
            switch event.value["Type"]?.literal ?? "" {
            case "SQS":
                if let values = mapping("Queue") { add(id, "AWS::Lambda::EventSourceMapping", values, from: source, what: what) }
            case "Kinesis", "DynamoDB", "MSK":
                if let values = mapping("Stream") { add(id, "AWS::Lambda::EventSourceMapping", values, from: source, what: what) }
            case "MQ":
                if let values = mapping("Broker") { add(id, "AWS::Lambda::EventSourceMapping", values, from: source, what: what) }
            case "DocumentDB":
                if let values = mapping("Cluster") { add(id, "AWS::Lambda::EventSourceMapping", values, from: source, what: what) }
            case "SNS":
                guard let topic = properties["Topic"] else { continue }
                add(id, "AWS::SNS::Subscription", ["TopicArn": topic, "Endpoint": target, "Protocol": .string("lambda")], from: source, what: what)
            case "S3":
                let notification = IaCValue.map([IaCEntry(key: "Function", value: target)] + (properties["Events"].map { [IaCEntry(key: "Event", value: $0)] } ?? []))
                for bucket in properties["Bucket"]?.referencedKeys ?? [] {
                    update(bucket) { resource in
                        var configuration = resource["NotificationConfiguration"]?.entries ?? []
                        let existing = configuration.first { $0.key == "LambdaConfigurations" }?.value.list ?? []
                        configuration.removeAll { $0.key == "LambdaConfigurations" }
                        configuration.append(IaCEntry(key: "LambdaConfigurations", value: .list(existing + [notification])))
                        resource.properties["NotificationConfiguration"] = .map(configuration)
                    }
                }
            case "EventBridgeRule", "CloudWatchEvent":
                var values: [String: IaCValue] = ["Targets": .list([.map([IaCEntry(key: "Arn", value: target), IaCEntry(key: "Id", value: .string(id))])])]
                values["EventBusName"] = properties["EventBusName"]
                values["EventPattern"] = properties["Pattern"]
                values["Name"] = properties["RuleName"]
                add(id, "AWS::Events::Rule", values, from: source, what: what)
            case "Schedule":
                var values: [String: IaCValue] = ["Targets": .list([.map([IaCEntry(key: "Arn", value: target), IaCEntry(key: "Id", value: .string(id))])])]
                values["ScheduleExpression"] = properties["Schedule"]
                values["Name"] = properties["Name"]
                add(id, "AWS::Events::Rule", values, from: source, what: what)
            case "ScheduleV2":
                var values: [String: IaCValue] = ["Target": .map([IaCEntry(key: "Arn", value: target)])]
                values["ScheduleExpression"] = properties["ScheduleExpression"]
                values["Name"] = properties["Name"]
                add(id, "AWS::Scheduler::Schedule", values, from: source, what: what)
            case "CloudWatchLogs":
                guard let group = properties["LogGroupName"] else { continue }
                add(id, "AWS::Logs::SubscriptionFilter", ["LogGroupName": group, "DestinationArn": target], from: source, what: what)
            case "Cognito":
                guard let trigger = properties["Trigger"]?.list.first?.literal else { continue }
                for pool in properties["UserPool"]?.referencedKeys ?? [] {
                    update(pool) { resource in
                        var config = resource["LambdaConfig"]?.entries ?? []
                        config.append(IaCEntry(key: trigger, value: target))
                        resource.properties["LambdaConfig"] = .map(config)
                    }
                }
            case "Api":
                let api = properties["RestApiId"]?.referencedKeys.first ?? implicitAPI(rest: true, from: source)
                let path = properties["Path"]?.literal ?? "/"
                let method = Self.method(properties["Method"]?.literal ?? "ANY")
                let integration = ["Type": IaCValue.string("AWS_PROXY"), "Uri": target]
                restRoute(api: api, path: path, method: method, integration: integration, authorizer: properties["Auth"]?["Authorizer"]?.literal, from: source)
            case "HttpApi":
                let api = properties["ApiId"]?.referencedKeys.first ?? implicitAPI(rest: false, from: source)
                let routeKey: String
                if let path = properties["Path"]?.literal {
                    routeKey = "\(Self.method(properties["Method"]?.literal ?? "ANY")) \(path)"
                } else {
                    routeKey = "$default"
                }
                let integration = ["IntegrationType": IaCValue.string("AWS_PROXY"), "IntegrationUri": target]
                httpRoute(api: api, routeKey: routeKey, integration: integration, authorizer: properties["Auth"]?["Authorizer"]?.literal, from: source)
            default:
                continue
            }
        }
    }

    /// `get` -> `GET`, `x-amazon-apigateway-any-method` and `any` -> `ANY`.
    static func method(_ text: String) -> String {
        let lower = text.lowercased()
        return lower == "x-amazon-apigateway-any-method" || lower == "any" || lower == "*" ? "ANY" : text.uppercased()
    }

    /// `ServerlessRestApi` / `ServerlessHttpApi`: the API SAM makes for events that name none.
    mutating func implicitAPI(rest: Bool, from source: IaCResource) -> String {
        let logicalID = rest ? Self.implicitRestAPI : Self.implicitHTTPAPI
        let key = prefix + logicalID
        if resource(key) == nil {
            if rest {
                add(logicalID, "AWS::ApiGateway::RestApi", ["EndpointConfiguration": .map([IaCEntry(key: "Types", value: .list([.string("EDGE")]))])], from: source, what: "implicit API")
                add(logicalID + "ProdStage", "AWS::ApiGateway::Stage", ["RestApiId": .reference(IaCReference(key: key)), "StageName": .string("Prod")], from: source, what: "implicit API")
            } else {
                add(logicalID, "AWS::ApiGatewayV2::Api", ["ProtocolType": .string("HTTP")], from: source, what: "implicit API")
                add(logicalID + "ApiGatewayDefaultStage", "AWS::ApiGatewayV2::Stage", ["ApiId": .reference(IaCReference(key: key)), "StageName": .string("$default")], from: source, what: "implicit API")
            }
        }
        return key
    }
}
