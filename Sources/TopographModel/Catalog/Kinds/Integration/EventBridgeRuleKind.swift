extension KindID {
    package static let eventBridgeRule = KindID("eventbridge-rule")
}

extension KindSpec {
    /// An EventBridge rule: an event pattern or a schedule, and up to five targets.
    static let eventBridgeRule = KindSpec(
        .eventBridgeRule, .integration, title: "EventBridge rule",
        summary: "A rule on an event bus: events matching its pattern (or its schedule) go to its targets, up to five; each connection out of it is a target.",
        attributes: [
            AttributeSpec("bus", .reference([.eventBridgeBus]), "Id of the event bus it sits on (the default bus when omitted)."),
            AttributeSpec("pattern", .string, "The event pattern, in short: `source: [orders], detail-type: [OrderPlaced]`."),
            AttributeSpec(
                "schedule", .string, "A schedule instead of a pattern: `rate(5 minutes)` or `cron(0 12 * * ? *)` (default bus only).",
                rule: AWSValueRules.scheduleExpression),
            AttributeSpec("targets", .list(.reference([])), "What it invokes (a connection from the rule says the same); at most five."),
            .deadLetterQueue("Id of the queue that receives events its targets could not take (the targets' DeadLetterConfig)."),
            .retryAttempts,
            .maxEventAge,
            AttributeSpec("enabled", .bool, "Whether the rule is enabled (AWS default true)."),
        ],
        shape: .rounded,
        example: "order-placed: { kind: eventbridge-rule, bus: bus, pattern: \"source: [orders]\", targets: [authorizer], dlq: dlq, retry_attempts: 10 }",
        scope: .regional,
        icon: KindIcon(diagrams: "aws/integration/eventbridge-rule.png", assetPackage: ["Res_Amazon-EventBridge_Rule", "Arch_Amazon-EventBridge"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::Events::Rule"], terraform: ["aws_cloudwatch_event_rule"]),
        diffTraits: KindDiffTraits(unordered: ["targets"], key: ["bus", "pattern", "schedule", "targets", "dlq"]),
        nameRule: AWSValueRules.eventsName,
        createdAfter: .stepFunctions, connectionMeaning: "triggers",
        idWords: ["event", "events", "rule", "eventbridge"], isExtension: true)
}
