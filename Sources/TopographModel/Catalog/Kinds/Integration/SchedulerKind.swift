extension KindID {
    package static let scheduler = KindID("scheduler")
}

extension KindSpec {
    /// EventBridge Scheduler: one schedule, one target.
    static let scheduler = KindSpec(
        .scheduler, .integration, title: "EventBridge Scheduler schedule",
        summary: "A schedule (rate, cron or one-time `at`) that invokes one target, with retries and a dead-letter queue.",
        attributes: [
            AttributeSpec(
                "schedule", .string, "`rate(1 hour)`, `cron(0 8 * * ? *)` or `at(2025-01-01T09:00:00)`.",
                rule: AWSValueRule(
                    "a Scheduler expression", "`rate(N unit)`, `cron(...)` (six fields) or `at(yyyy-mm-ddThh:mm:ss)`",
                    pattern: AWSValueRules.scheduleExpression.pattern + "|at\\([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\)",
                    maxLength: 256)),
            AttributeSpec("timezone", .string, "IANA time zone of a cron or at expression, e.g. Europe/Berlin (UTC when omitted)."),
            AttributeSpec("target", .reference([]), "Id of what it invokes (a connection from the schedule says the same)."),
            AttributeSpec("flexible_window", .int, "Minutes within which it may fire (1 to 1440; off when omitted).", range: 1...1440),
            .deadLetterQueue("Id of the queue that receives invocations that failed every retry."),
            .retryAttempts,
            .maxEventAge,
            AttributeSpec("group", .string, "The schedule group (`default` when omitted).", rule: AWSValueRules.eventsName),
        ],
        shape: .rounded,
        example: "nightly-report: { kind: scheduler, schedule: \"cron(0 2 * * ? *)\", timezone: Europe/Berlin, target: authorizer, dlq: dlq }",
        scope: .regional,
        icon: KindIcon(diagrams: "aws/integration/eventbridge-scheduler.png", assetPackage: ["Res_Amazon-EventBridge_Scheduler", "Arch_Amazon-EventBridge"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::Scheduler::Schedule"], terraform: ["aws_scheduler_schedule"]),
        diffTraits: KindDiffTraits(key: ["schedule", "target", "dlq"]),
        nameRule: AWSValueRules.eventsName,
        createdAfter: .eventBridgeRule, connectionMeaning: "invokes",
        idWords: ["schedule", "scheduler"], isExtension: true)
}
