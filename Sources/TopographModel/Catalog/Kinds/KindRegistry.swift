extension KindCatalog {
    /// Kinds each defined in one file of their own (spec, icon, CloudFormation and Terraform
    /// types, diff traits, AWS value rules, place in a rollout): adding a kind is adding its
    /// file, its `KindID` constant and a line here, plus its test.
    static let oneFileKinds: [KindSpec] = [
        .sqs, .sns, .eventBridgeBus, .eventBridgeRule, .eventBridgePipe, .scheduler, .stepFunctions,
        .kinesisStream, .firehose, .msk, .mq,
        .eksCluster, .eksNodegroup, .autoscalingGroup, .elbClassic, .batch,
        .efs, .secretsManager, .kmsKey, .cloudwatchAlarm,
        .opensearch, .documentdb, .memorydb, .appsync, .websocketAPI,
    ]
}

/// Attributes several kinds share, each with AWS's value rule.
extension AttributeSpec {
    static func encrypted(_ doc: String) -> AttributeSpec { AttributeSpec("encrypted", .bool, doc, isExtension: true) }
    static let kmsKey = AttributeSpec(
        "kms_key", .reference([.kmsKey]), "Id of the customer managed KMS key that encrypts it (an AWS managed key when omitted).",
        isExtension: true)
    static func deadLetterQueue(_ doc: String) -> AttributeSpec { AttributeSpec("dlq", .reference([.sqs]), doc) }
    static let retryAttempts = AttributeSpec(
        "retry_attempts", .int, "Retries of a failed delivery before the event goes to the dead-letter queue or is dropped (AWS default 185).",
        range: 0...185)
    static let maxEventAge = AttributeSpec(
        "max_event_age", .int, "Seconds a failed event is retried for (60 to 86400; default 86400, one day).", range: 60...86400)
    static let ingress = KindCatalog.ingressAttribute
    static let minSize = AttributeSpec("min", .int, "Minimum size.", range: 0...10_000)
    static let maxSize = AttributeSpec("max", .int, "Maximum size.", range: 0...10_000)
    static let desiredSize = AttributeSpec("desired", .int, "Desired size.", range: 0...10_000)
}

extension AWSValueRules {
    static let scheduleExpression = AWSValueRule(
        "a schedule expression", "`rate(N unit)` with unit minute(s), hour(s) or day(s), or `cron(minutes hours day-of-month month day-of-week year)`",
        pattern: "rate\\([1-9][0-9]* (?:minute|minutes|hour|hours|day|days)\\)|cron\\([^()\\n]+\\)", maxLength: 256)
    static let eventsName = AWSValueRule(
        "an EventBridge name", "1 to 64 letters, digits and `.-_`", pattern: "[A-Za-z0-9._-]+", maxLength: 64)
    static let streamName = AWSValueRule(
        "a stream name", "1 to 128 letters, digits and `_.-`", pattern: "[A-Za-z0-9_.-]+", maxLength: 128)
    static let kafkaVersion = AWSValueRule(
        "a version", "dot-separated numbers, e.g. 3.6.0 or 1.30", pattern: "[0-9]+(?:\\.[0-9]+)*(?:\\.x)?", maxLength: 32)
    static let databaseInstanceClass = AWSValueRule(
        "an instance class", "`db.family.size`, e.g. `db.r6g.large`", pattern: "db\\.[a-z0-9-]+\\.[a-z0-9]+", maxLength: 64)
}
