import TopographModel

/// What happens to a resource over time, said by resources of their own in a template (and
/// in what `import aws` reads): a function's timeout and where failed asynchronous
/// invocations go (`AWS::Lambda::EventInvokeConfig`), a secret's rotation
/// (`AWS::SecretsManager::RotationSchedule`), a bus's archive (`AWS::Events::Archive`).
extension ImportBuilder {
    func lifecycleAttributes(of resource: IaCResource, kind: String) -> [(String, AttributeValue)] {
        var c = ImportAttributeCollector(self, resource, kind: kind)
        switch kind {
        case KindID.lambda.rawValue:
            c.put("timeout", c.int(c["Timeout"]))
            let destinations = referrers("AWS::Lambda::EventInvokeConfig", "FunctionName", to: resource.key)
                .filter { ($0["Qualifier"]?.literal ?? "$LATEST") == "$LATEST" }
                .compactMap { $0["DestinationConfig"]?["OnFailure"]?["Destination"] }
            c.put("on_failure", target(destinations.first, of: [.sqs, .sns, .eventBridgeBus, .lambda], c))
        case KindID.secretsManager.rawValue:
            guard let schedule = referrers("AWS::SecretsManager::RotationSchedule", "SecretId", to: resource.key).first else { break }
            let rules = schedule["RotationRules"]
            c.put("rotation_days", c.int(rules?["AutomaticallyAfterDays"]) ?? Self.days(rate: rules?["ScheduleExpression"]?.literal))
            c.put("rotation", target(schedule["RotationLambdaARN"], of: [.lambda], c))
        case KindID.eventBridgeBus.rawValue:
            let days = referrers("AWS::Events::Archive", "SourceArn", to: resource.key).compactMap { $0["RetentionDays"]?.int ?? 0 }
            if let first = days.first { c.put("archive_days", .int(first)) }  // no RetentionDays: kept forever (0)
        default:
            break
        }
        return c.result
    }

    /// The id of the imported resource `value` names, when it is of one of `kinds`.
    private func target(_ value: IaCValue?, of kinds: [KindID], _ c: ImportAttributeCollector) -> AttributeValue? {
        guard let key = nodeKeys(value).first, let kind = kindByKey[key], kinds.contains(where: { $0.rawValue == kind }) else { return nil }
        return c.id(value)
    }

    /// `rate(30 days)` -> 30 (a rotation schedule written as a rate).
    static func days(rate expression: String?) -> AttributeValue? {
        guard let expression, expression.hasPrefix("rate("), expression.hasSuffix(")") else { return nil }
        let words = expression.dropFirst(5).dropLast().split(separator: " ")
        guard words.count == 2, let number = Int(words[0]), words[1].hasPrefix("day") else { return nil }
        return .int(number)
    }
}
