import TopographModel

struct EventRuleTargetLimitRule: LintRule {
    static let description = LintRuleDescription(
        id: "eventbridge-rule-target-limit", name: "EventBridge rule with more than five targets", category: .reliability, severity: .error,
        summary: "An EventBridge rule has more than five targets",
        rationale: """
            A rule takes at most five targets (`PutTargets` fails beyond that, a hard quota). A \
            design that fans one event out to more consumers needs a second rule with the same \
            pattern, or an SNS topic as the single target that the consumers subscribe to.
            """,
        fix: "Split the targets over two rules with the same pattern, or target one SNS topic and subscribe the consumers to it.",
        references: ["https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓placed: { kind: eventbridge-rule, dlq: dlq }
                  dlq: { kind: sqs }
                  a: { kind: lambda }
                  b: { kind: lambda }
                  c: { kind: lambda }
                  d: { kind: lambda }
                  e: { kind: lambda }
                  f: { kind: lambda }
                connections:
                  - placed -> a
                  - placed -> b
                  - placed -> c
                  - placed -> d
                  - placed -> e
                  - placed -> f
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  placed: { kind: eventbridge-rule, targets: [a, b], dlq: dlq }
                  dlq: { kind: sqs }
                  a: { kind: lambda }
                  b: { kind: lambda }
                connections:
                  - placed -> a
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .eventBridgeRule).compactMap { rule in
            let targets = topology.deliveryTargets(of: rule)
            guard targets.count > 5 else { return nil }
            return LintViolation(at: rule.location, "rule '\(rule.id)' has \(targets.count) targets; EventBridge allows 5", resource: rule.id)
        }
    }
}
