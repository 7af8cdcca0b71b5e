import TopographModel

struct ExpressWorkflowWithoutLoggingRule: LintRule {
    static let description = LintRuleDescription(
        id: "express-workflow-without-logging", name: "Express state machine without logging", category: .operations, severity: .warning,
        summary: "An Express Step Functions state machine has logging off",
        rationale: """
            Step Functions keeps no execution history for Express workflows: `DescribeExecution` \
            and `GetExecutionHistory` do not exist for them, and the console shows executions \
            only from CloudWatch Logs. With logging off, a failed execution leaves nothing to \
            debug from. Standard workflows keep their history for 90 days.
            """,
        fix: "Set `logging: ERROR` (or `ALL` while developing) on the state machine.",
        references: ["https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓ingest: { kind: step-functions, type: EXPRESS }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ingest: { kind: step-functions, type: EXPRESS, logging: ERROR }
                  booking: { kind: step-functions, type: STANDARD }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .stepFunctions).compactMap { machine in
            guard machine.string("type") == "EXPRESS", (machine.string("logging") ?? "OFF") == "OFF" else { return nil }
            return LintViolation(
                at: machine.fields["logging"] == nil ? machine.location : machine.location(of: "logging"),
                "Express state machine '\(machine.id)' logs nothing: its executions leave no history", resource: machine.id)
        }
    }
}
