import TopographModel

struct EventTargetWithoutDLQRule: LintRule {
    static let description = LintRuleDescription(
        id: "event-target-without-dlq", name: "EventBridge rule or schedule without a dead-letter queue", category: .reliability, severity: .warning,
        summary: "An EventBridge rule or Scheduler schedule delivers to targets without a dead-letter queue",
        rationale: """
            EventBridge retries a failed delivery (a throttled function, a deleted target, a \
            missing permission) for up to 24 hours and 185 attempts, then drops the event. \
            Without a dead-letter queue on the target nothing records the loss; with one, the \
            event and the error reason are kept for 14 days and an alarm can page. Scheduler \
            behaves the same for the invocations of a schedule.
            """,
        fix: "Add an `sqs` and set `dlq: <its id>` on the rule or schedule (and `retry_attempts` / `max_event_age` if the defaults do not fit).",
        references: [
            "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html",
            "https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html",
        ],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓placed: { kind: eventbridge-rule, pattern: "source: [orders]" }
                  fulfil: { kind: step-functions }
                connections:
                  - placed -> fulfil
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  placed: { kind: eventbridge-rule, pattern: "source: [orders]", dlq: events-dlq }
                  nightly: { kind: scheduler, schedule: "rate(1 day)", target: fulfil, dlq: events-dlq }
                  events-dlq: { kind: sqs }
                  fulfil: { kind: step-functions }
                  disabled: { kind: eventbridge-rule }
                connections:
                  - placed -> fulfil
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKinds: [.eventBridgeRule, .scheduler]).compactMap { rule in
            guard rule.string("dlq") == nil, let target = topology.deliveryTargets(of: rule).first else { return nil }
            return LintViolation(
                at: rule.location, "\(rule.kind) '\(rule.id)' delivers to '\(target)' without a dead-letter queue: events that fail every retry are dropped",
                resource: rule.id)
        }
    }
}
