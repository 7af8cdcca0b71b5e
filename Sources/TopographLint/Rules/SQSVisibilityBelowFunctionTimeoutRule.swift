import TopographModel

struct SQSVisibilityBelowFunctionTimeoutRule: LintRule {
    static let description = LintRuleDescription(
        id: "sqs-visibility-below-function-timeout", name: "Queue visibility timeout shorter than its Lambda consumer's timeout",
        category: .reliability, severity: .error,
        summary: "An SQS queue's visibility timeout is shorter than the timeout of the Lambda function that consumes it",
        rationale: """
            While Lambda processes a batch, the messages are hidden for the queue's visibility \
            timeout. If the function may run longer, the messages reappear and a second \
            invocation processes them again. AWS refuses the event source mapping outright when \
            the visibility timeout is below the function's timeout, and recommends at least six \
            times the function timeout so retries of throttled batches fit too. Unwritten \
            values count as AWS's defaults: 30 s for the queue, 3 s for the function.
            """,
        fix: "Set the queue's `visibility_timeout` to at least six times the function's `timeout` (e.g. 180 for a 30 s function).",
        references: ["https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  orders: { kind: sqs, visibility_timeout: ↓60, dlq: dlq }
                  dlq: { kind: sqs }
                  worker: { kind: lambda, timeout: 120 }
                connections:
                  - orders -> worker
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓orders: { kind: sqs, dlq: dlq }
                  dlq: { kind: sqs }
                  worker: { kind: lambda, timeout: 45 }
                connections:
                  - orders -> worker
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  orders: { kind: sqs, visibility_timeout: 180, dlq: dlq }
                  dlq: { kind: sqs }
                  worker: { kind: lambda, timeout: 30 }
                  audit: { kind: sqs, dlq: dlq }
                  auditor: { kind: lambda }
                connections:
                  - orders -> worker
                  - audit -> auditor
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .sqs).compactMap { queue in
            let visibility = queue.int("visibility_timeout") ?? 30
            let functions = topology.consumers(of: queue).filter { $0.kind == .lambda }
            guard let slowest = functions.max(by: { ($0.int("timeout") ?? 3) < ($1.int("timeout") ?? 3) }) else { return nil }
            let timeout = slowest.int("timeout") ?? 3
            guard visibility < timeout else { return nil }
            return LintViolation(
                at: queue.location(of: "visibility_timeout"),
                "queue '\(queue.id)' hides messages for \(visibility) s, less than the \(timeout) s timeout of its consumer '\(slowest.id)'",
                resource: queue.id)
        }
    }
}
