import TopographModel

struct AlarmWithoutActionRule: LintRule {
    static let description = LintRuleDescription(
        id: "alarm-without-action", name: "CloudWatch alarm without an action", category: .operations, severity: .warning,
        summary: "A CloudWatch alarm notifies nobody and triggers nothing",
        rationale: """
            An alarm without an alarm action changes colour in the console and nothing else: \
            nobody is paged, no group scales, no runbook starts. It is usually a leftover, or \
            an action that lives outside the design. Draw the action (an SNS topic, a scaling \
            group, an incident tool) so reviewers can see who hears about it.
            """,
        fix: "Connect the alarm to what it notifies (`alarm -> ops-topic`) or list it in `actions:`.",
        references: ["https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  dlq: { kind: sqs }
                  ↓dlq-alarm: { kind: cloudwatch-alarm, watches: dlq, metric: ApproximateNumberOfMessagesVisible }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  dlq: { kind: sqs }
                  ops: { kind: sns, encrypted: true }
                  dlq-alarm: { kind: cloudwatch-alarm, watches: dlq }
                  cpu-alarm: { kind: cloudwatch-alarm, actions: [ops] }
                connections:
                  - dlq-alarm -> ops
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .cloudwatchAlarm).compactMap { alarm in
            guard alarm.strings("actions").isEmpty, topology.outgoing(alarm.id).isEmpty else { return nil }
            return LintViolation(at: alarm.location, "alarm '\(alarm.id)' has no action: nobody hears when it fires", resource: alarm.id)
        }
    }
}
