import TopographModel

struct DLQRetentionRule: LintRule {
    static let description = LintRuleDescription(
        id: "dlq-retention-too-short", name: "Dead-letter queue keeps messages no longer than its source", category: .reliability,
        severity: .warning,
        summary: "A dead-letter queue's retention period is not longer than the retention of the queue it serves",
        rationale: """
            For a standard queue, a message keeps its original enqueue time when it moves to \
            the dead-letter queue, and its age counts against the dead-letter queue's \
            retention. A message that spent three days failing in a source queue with four \
            days' retention and lands in a dead-letter queue that also keeps four days is \
            deleted after one day there. AWS recommends a dead-letter queue retention longer \
            than the source's, usually the maximum of 14 days. Unwritten retention counts as \
            AWS's default of 4 days.
            """,
        fix: "Set the dead-letter queue's `retention` above the source's, e.g. `retention: 1209600` (14 days).",
        references: ["https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  orders: { kind: sqs, dlq: ↓orders-dlq }
                  orders-dlq: { kind: sqs }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  orders: { kind: sqs, dlq: orders-dlq }
                  orders-dlq: { kind: sqs, retention: 1209600 }
                  quick: { kind: sqs, retention: 3600, dlq: orders-dlq }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .sqs).compactMap { queue in
            guard let id = queue.string("dlq"), let dlq = topology.resource(id), dlq.kind == .sqs else { return nil }
            let source = queue.int("retention") ?? 345_600
            let kept = dlq.int("retention") ?? 345_600
            guard kept <= source else { return nil }
            return LintViolation(
                at: queue.location(of: "dlq"),
                "dead-letter queue '\(dlq.id)' keeps messages \(kept) s, no longer than '\(queue.id)' (\(source) s): moved messages expire early",
                resource: queue.id)
        }
    }
}
