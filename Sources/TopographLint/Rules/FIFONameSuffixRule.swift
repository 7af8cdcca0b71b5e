import TopographModel

struct FIFONameSuffixRule: LintRule {
    static let description = LintRuleDescription(
        id: "fifo-name-suffix", name: "FIFO queue or topic name without `.fifo`", category: .reliability, severity: .error,
        summary: "A FIFO queue or topic's name does not end in `.fifo`, or a standard one's does",
        rationale: """
            SQS and SNS tell FIFO from standard by the name: `CreateQueue` and `CreateTopic` \
            refuse a FIFO queue or topic whose name lacks the `.fifo` suffix, and a standard \
            one whose name has it. The design and the name must agree before a runbook or a \
            template creates it.
            """,
        fix: "End the `name` in `.fifo` when `fifo: true`; drop the suffix (or set `fifo: true`) otherwise.",
        references: ["https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  orders: { kind: sqs, fifo: true, name: ↓orders }
                  events: { kind: sns, fifo: false, name: ↓events.fifo }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  orders: { kind: sqs, fifo: true, name: orders.fifo }
                  events: { kind: sns, name: events }
                  ledger: { kind: sqs, fifo: true }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKinds: [.sqs, .sns]).compactMap { resource in
            guard let name = resource.string("name"), let fifo = resource.bool("fifo") else { return nil }
            guard fifo != name.hasSuffix(".fifo") else { return nil }
            let message = fifo
                ? "FIFO \(resource.kind) '\(resource.id)' is named '\(name)', without the `.fifo` suffix AWS requires"
                : "standard \(resource.kind) '\(resource.id)' is named '\(name)', but only FIFO ones may end in `.fifo`"
            return LintViolation(at: resource.location(of: "name"), message, resource: resource.id)
        }
    }
}
