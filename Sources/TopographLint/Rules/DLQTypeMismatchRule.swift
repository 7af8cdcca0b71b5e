import TopographModel

struct DLQTypeMismatchRule: LintRule {
    static let description = LintRuleDescription(
        id: "dlq-type-mismatch", name: "Dead-letter queue of the other queue type", category: .reliability, severity: .error,
        summary: "A FIFO queue's dead-letter queue is standard, or a standard queue's is FIFO",
        rationale: """
            SQS requires a dead-letter queue of the same type as its source: a FIFO queue's \
            must be FIFO and a standard queue's standard. `SetQueueAttributes` refuses a \
            redrive policy that mixes them, so the queue is created without its dead-letter \
            queue or the deployment fails.
            """,
        fix: "Give the dead-letter queue the same `fifo:` as the queue (and a `.fifo` name for a FIFO one).",
        references: ["https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ledger: { kind: sqs, fifo: true, dlq: ↓ledger-dlq }
                  ledger-dlq: { kind: sqs, retention: 1209600 }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ledger: { kind: sqs, fifo: true, dlq: ledger-dlq }
                  ledger-dlq: { kind: sqs, fifo: true, retention: 1209600 }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .sqs).compactMap { queue in
            guard let id = queue.string("dlq"), let dlq = topology.resource(id), dlq.kind == .sqs, dlq.isFIFO != queue.isFIFO else { return nil }
            let (own, other) = queue.isFIFO ? ("FIFO", "standard") : ("standard", "FIFO")
            return LintViolation(
                at: queue.location(of: "dlq"), "\(own) queue '\(queue.id)' has the \(other) dead-letter queue '\(dlq.id)'; SQS requires the same type",
                resource: queue.id)
        }
    }
}
