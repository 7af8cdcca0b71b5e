import TopographModel

struct FIFOTopicStandardSubscriberRule: LintRule {
    static let description = LintRuleDescription(
        id: "fifo-topic-standard-subscriber", name: "FIFO topic delivering to something other than a FIFO queue", category: .reliability,
        severity: .error,
        summary: "A FIFO SNS topic has a subscription that is not an SQS FIFO queue",
        rationale: """
            SNS FIFO topics deliver only to SQS queues (FIFO queues keep the order; standard \
            queues are accepted since 2023 but lose it), never to Lambda, HTTP or e-mail \
            endpoints, so `Subscribe` fails for those. A design that draws a FIFO topic to a \
            function needs a FIFO queue between them, which also gives the function batching \
            and a dead-letter queue.
            """,
        fix: "Subscribe an `sqs` with `fifo: true` to the topic and let the function consume that queue.",
        references: ["https://docs.aws.amazon.com/sns/latest/dg/fifo-topic-subscriptions.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ledger: { kind: sns, fifo: true, encrypted: true }
                  ↓post: { kind: lambda }
                connections:
                  - ledger -> post
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ledger: { kind: sns, fifo: true, encrypted: true }
                  ledger-queue: { kind: sqs, fifo: true, dlq: ledger-dlq }
                  ledger-dlq: { kind: sqs, fifo: true }
                  post: { kind: lambda }
                  news: { kind: sns, encrypted: true }
                connections:
                  - ledger -> ledger-queue
                  - ledger-queue -> post
                  - news -> post
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for topic in topology.resources(ofKind: .sns) where topic.isFIFO {
            for subscriber in topology.outgoing(topic.id).compactMap({ topology.resource($0.to) }) where subscriber.kind != .sqs {
                violations.append(LintViolation(
                    at: subscriber.location, "FIFO topic '\(topic.id)' cannot deliver to \(subscriber.kind) '\(subscriber.id)': only SQS queues subscribe to FIFO topics",
                    resource: subscriber.id))
            }
        }
        return violations
    }
}
