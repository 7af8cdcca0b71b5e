import TopographModel

/// What the lists leave out about how resources behave over time, read as the template
/// resources that say it: a bus's archive (`AWS::Events::Archive`), a secret's rotation
/// (`AWS::SecretsManager::RotationSchedule`), where a function's failed asynchronous
/// invocations go (`AWS::Lambda::EventInvokeConfig`) and a key's rotation
/// (`EnableKeyRotation`). A function's timeout comes with `list-functions`.
extension AWSAccountReader {
    static let lifecycleCalls: [AWSCall] = [AWSCall("events", "list-archives")]

    /// Per function, its asynchronous invocation settings; per customer key (one with an
    /// alias the reader keeps), its rotation.
    func lifecycleDetailCalls(_ fetched: Fetched) -> [AWSCall] {
        let functions = (fetched[AWSCall("lambda", "list-functions")]?["Functions"].array ?? []).compactMap { $0["FunctionArn"].string }
        let keys = (fetched[AWSCall("kms", "list-aliases")]?["Aliases"].array ?? []).compactMap { alias -> String? in
            guard let name = alias["AliasName"].string, !name.hasPrefix("alias/aws/") else { return nil }
            return alias["TargetKeyId"].string
        }
        return functions.sorted().map { AWSCall("lambda", "list-function-event-invoke-configs", ["--function-name", $0]) }
            + Set(keys).sorted().map { AWSCall("kms", "get-key-rotation-status", ["--key-id", $0]) }
    }

    func readLifecycle(lists fetched: Fetched) {
        let b = builder
        for archive in fetched[AWSCall("events", "list-archives")]?["Archives"].array ?? [] {
            guard let name = archive["ArchiveName"].string, let source = archive["EventSourceArn"].string else { continue }
            var properties: [String: IaCValue] = ["ArchiveName": .string(name), "SourceArn": b.id(source)]
            if let days = archive["RetentionDays"].int { properties["RetentionDays"] = .number(Double(days)) }
            b.add("archive:\(name)", "AWS::Events::Archive", properties, name: name)
        }
        for secret in fetched[AWSCall("secretsmanager", "list-secrets")]?["SecretList"].array ?? [] where secret["RotationEnabled"].bool == true {
            guard let arn = secret["ARN"].string else { continue }
            var rules: [IaCEntry] = []
            if let days = secret["RotationRules"]["AutomaticallyAfterDays"].int { rules.append(IaCEntry(key: "AutomaticallyAfterDays", value: .number(Double(days)))) }
            if let expression = secret["RotationRules"]["ScheduleExpression"].string { rules.append(IaCEntry(key: "ScheduleExpression", value: .string(expression))) }
            var properties: [String: IaCValue] = ["SecretId": b.id(arn), "RotationRules": .map(rules)]
            if let function = b.ref(secret["RotationLambdaARN"].string) { properties["RotationLambdaARN"] = function }
            b.add("rotation-schedule:\(arn)", "AWS::SecretsManager::RotationSchedule", properties, name: "\(secret["Name"].string ?? arn)-rotation")
        }
    }

    func readLifecycleDetails(_ fetched: Fetched) {
        let b = builder
        for (call, answer) in fetched {
            switch (call.service, call.operation) {
            case ("lambda", "list-function-event-invoke-configs"):
                guard let function = call.arguments.last else { continue }
                for config in answer["FunctionEventInvokeConfigs"].array {
                    // `...:function:NAME:QUALIFIER` (`$LATEST` for the unqualified function).
                    let arn = config["FunctionArn"].string ?? function
                    let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
                    let qualifier = parts.count > 7 ? String(parts[7]) : "$LATEST"
                    var properties: [String: IaCValue] = ["FunctionName": b.id(function), "Qualifier": .string(qualifier)]
                    if let destination = b.ref(config["DestinationConfig"]["OnFailure"]["Destination"].string) {
                        properties["DestinationConfig"] = .map([IaCEntry(key: "OnFailure", value: .map([IaCEntry(key: "Destination", value: destination)]))])
                    }
                    // Keyed by the function asked about: the answer is that function's settings
                    // (answers are read in any order, so a key from the answer could collide).
                    b.add("event-invoke-config:\(function):\(qualifier)", "AWS::Lambda::EventInvokeConfig", properties, name: "\(parts.count > 6 ? String(parts[6]) : function)-invoke-config")
                }
            case ("kms", "get-key-rotation-status"):
                guard let key = call.arguments.last, let enabled = answer["KeyRotationEnabled"].bool else { continue }
                b.amend(b.arn("kms", "key/\(key)")) { $0["EnableKeyRotation"] = .bool(enabled) }
            default:
                continue
            }
        }
    }
}
