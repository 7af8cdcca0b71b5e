import TopographModel

struct SQSConsumerWithoutDLQRule: LintRule {
    static let description = LintRuleDescription(
        id: "sqs-consumer-without-dlq", name: "Consumed queue without a dead-letter queue", category: .reliability, severity: .warning,
        summary: "An SQS queue that a function, service or pipe consumes has no dead-letter queue",
        rationale: """
            A message its consumer cannot process (a poison message) returns to the queue \
            after each visibility timeout and is received again, until the retention period \
            ends: it blocks a FIFO queue's message group, burns Lambda invocations and is then \
            lost without a trace. A dead-letter queue with a `maxReceiveCount` (the redrive \
            policy) moves it aside after a few attempts, where an alarm can see it and \
            `start-message-move-task` can redrive it once fixed.
            """,
        fix: "Add a second `sqs` and set `dlq: <its id>` and `max_receive_count` (3 to 5 is usual) on the queue.",
        references: [
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html",
            "https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html",
        ],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓orders: { kind: sqs }
                  worker: { kind: lambda }
                connections:
                  - orders -> worker
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  orders: { kind: sqs, dlq: orders-dlq, max_receive_count: 5 }
                  orders-dlq: { kind: sqs }
                  worker: { kind: lambda }
                  outbox: { kind: sqs }
                connections:
                  - orders -> worker
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        // A queue some other queue names as its `dlq` is itself a dead-letter queue.
        let deadLetterQueues = Set(topology.resources.compactMap { $0.string("dlq") })
        return topology.resources(ofKind: .sqs).compactMap { queue in
            guard queue.string("dlq") == nil, !deadLetterQueues.contains(queue.id) else { return nil }
            let consumers = topology.consumers(of: queue).filter { $0.kind != .sqs && $0.kind != .cloudwatchAlarm }
            guard let consumer = consumers.first else { return nil }
            return LintViolation(
                at: queue.location, "queue '\(queue.id)' is consumed by \(consumer.kind) '\(consumer.id)' but has no dead-letter queue (`dlq:`)",
                resource: queue.id)
        }
    }
}
