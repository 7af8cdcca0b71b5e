import TopographModel

/// Lambda functions and their event sources; DynamoDB tables, S3 buckets, SQS queues, SNS
/// topics and subscriptions, EventBridge buses, rules and their targets.
extension AWSAccountReader {
    static let functionCalls: [AWSCall] = [
        AWSCall("lambda", "list-functions"), AWSCall("lambda", "list-event-source-mappings"),
        AWSCall("dynamodb", "list-tables"), AWSCall("s3api", "list-buckets"), AWSCall("sqs", "list-queues"),
        AWSCall("sns", "list-topics"), AWSCall("sns", "list-subscriptions"), AWSCall("events", "list-event-buses"),
    ]

    func readFunctions(_ fetched: Fetched) {
        let b = builder
        for function in fetched[AWSCall("lambda", "list-functions")]?["Functions"].array ?? [] {
            guard let arn = function["FunctionArn"].string, let name = function["FunctionName"].string else { continue }
            var properties: [String: IaCValue] = ["FunctionName": .string(name)]
            if let runtime = function["Runtime"].string { properties["Runtime"] = .string(runtime) }
            if let timeout = function["Timeout"].int { properties["Timeout"] = .number(Double(timeout)) }
            let vpc = function["VpcConfig"]
            if !vpc["SubnetIds"].strings.isEmpty {
                properties["VpcConfig"] = .map([IaCEntry(key: "SubnetIds", value: b.refs(vpc["SubnetIds"].strings)),
                                                IaCEntry(key: "SecurityGroupIds", value: b.refs(vpc["SecurityGroupIds"].strings))])
            }
            b.add(arn, "AWS::Lambda::Function", properties, name: name, identifiers: [name])
        }
        for mapping in fetched[AWSCall("lambda", "list-event-source-mappings")]?["EventSourceMappings"].array ?? [] {
            guard let id = mapping["UUID"].string else { continue }
            b.add("event-source-mapping:\(id)", "AWS::Lambda::EventSourceMapping", [
                "FunctionName": b.ref(mapping["FunctionArn"].string) ?? .null, "EventSourceArn": b.text(mapping["EventSourceArn"].string) ?? .null,
            ], name: id)
        }
        for name in fetched[AWSCall("dynamodb", "list-tables")]?["TableNames"].strings ?? [] {
            b.add(b.arn("dynamodb", "table/\(name)"), "AWS::DynamoDB::Table", ["TableName": .string(name)], name: name, identifiers: [name])
        }
        for bucket in fetched[AWSCall("s3api", "list-buckets")]?["Buckets"].array ?? [] {
            guard let name = bucket["Name"].string else { continue }
            b.add("arn:aws:s3:::\(name)", "AWS::S3::Bucket", ["BucketName": .string(name)], name: name,
                  identifiers: [name, "\(name).s3.amazonaws.com", "\(name).s3.\(b.region).amazonaws.com"])
        }
        for url in fetched[AWSCall("sqs", "list-queues")]?["QueueUrls"].strings ?? [] {
            // https://sqs.REGION.amazonaws.com/ACCOUNT/NAME
            let parts = url.split(separator: "/").map(String.init)
            guard parts.count >= 2 else { continue }
            let name = parts[parts.count - 1], owner = parts[parts.count - 2]
            b.add("arn:aws:sqs:\(b.region):\(owner):\(name)", "AWS::SQS::Queue", ["QueueName": .string(name)], name: name, identifiers: [url, name])
        }
        for topic in fetched[AWSCall("sns", "list-topics")]?["Topics"].array ?? [] {
            guard let arn = topic["TopicArn"].string, let name = arn.split(separator: ":").last.map(String.init) else { continue }
            b.add(arn, "AWS::SNS::Topic", ["TopicName": .string(name)], name: name)
        }
        for subscription in fetched[AWSCall("sns", "list-subscriptions")]?["Subscriptions"].array ?? [] {
            guard let arn = subscription["SubscriptionArn"].string, arn.hasPrefix("arn:") else { continue }  // "PendingConfirmation"
            b.add(arn, "AWS::SNS::Subscription", [
                "TopicArn": b.ref(subscription["TopicArn"].string) ?? .null, "Endpoint": b.text(subscription["Endpoint"].string) ?? .null,
                "Protocol": .string(subscription["Protocol"].string ?? ""),
            ], name: arn)
        }
    }

    func eventBuses(_ fetched: Fetched) -> [String] {
        (fetched[AWSCall("events", "list-event-buses")]?["EventBuses"].array ?? []).compactMap { $0["Name"].string }
    }

    func functionDetailCalls(_ fetched: Fetched) -> [AWSCall] {
        eventBusNames = eventBuses(fetched)
        return eventBusNames.map { AWSCall("events", "list-rules", ["--event-bus-name", $0]) }
    }

    func readFunctionDetails(_ fetched: Fetched) {
        for (call, answer) in fetched where call.operation == "list-rules" {
            for rule in answer["Rules"].array {
                guard let arn = rule["Arn"].string, let name = rule["Name"].string else { continue }
                // A rule an AWS service made for itself (a bus archive's `Events-Archive-...`)
                // is that service's plumbing, not part of the architecture.
                if rule["ManagedBy"].string != nil { continue }
                eventRules.append((arn, name, call.arguments.last ?? "default"))
                ruleDetails[arn] = rule
            }
        }
    }

    func functionTargetCalls(_ fetched: Fetched) -> [AWSCall] {
        eventRules.map { AWSCall("events", "list-targets-by-rule", ["--rule", $0.name, "--event-bus-name", $0.bus]) }
    }

    /// Buses (the default one only when a rule of it is read) and rules with their targets.
    func readFunctionTargets(_ fetched: Fetched) {
        let b = builder
        var busesWithRules: Set<String> = []
        for rule in eventRules {
            let targets = fetched[AWSCall("events", "list-targets-by-rule", ["--rule", rule.name, "--event-bus-name", rule.bus])]?["Targets"].array ?? []
            var properties: [String: IaCValue] = [
                "Name": .string(rule.name), "EventBusName": b.ref(b.arn("events", "event-bus/\(rule.bus)")) ?? .null,
                "Targets": .list(targets.compactMap { target in b.text(target["Arn"].string).map { Self.ruleTarget($0, target, builder: b) } }),
            ]
            let listed = ruleDetails[rule.arn] ?? .null
            for key in ["EventPattern", "ScheduleExpression", "State"] where listed[key].string != nil { properties[key] = .string(listed[key].string ?? "") }
            b.add(rule.arn, "AWS::Events::Rule", properties, name: rule.name)
            busesWithRules.insert(rule.bus)
        }
        for bus in Set(eventBusNames).union(busesWithRules).sorted() where bus != "default" || busesWithRules.contains(bus) {
            b.add(b.arn("events", "event-bus/\(bus)"), "AWS::Events::EventBus", ["Name": .string(bus)], name: bus, identifiers: [bus])
        }
    }

    /// A rule target as CloudFormation writes it, with its dead-letter queue and retry policy.
    static func ruleTarget(_ arn: IaCValue, _ target: AWSJSON, builder b: AWSModelBuilder) -> IaCValue {
        var entries = [IaCEntry(key: "Arn", value: arn)]
        if let queue = b.ref(target["DeadLetterConfig"]["Arn"].string) { entries.append(IaCEntry(key: "DeadLetterConfig", value: .map([IaCEntry(key: "Arn", value: queue)]))) }
        var retry: [IaCEntry] = []
        for key in ["MaximumRetryAttempts", "MaximumEventAgeInSeconds"] {
            if let value = target["RetryPolicy"][key].int { retry.append(IaCEntry(key: key, value: .number(Double(value)))) }
        }
        if !retry.isEmpty { entries.append(IaCEntry(key: "RetryPolicy", value: .map(retry))) }
        return .map(entries)
    }
}
