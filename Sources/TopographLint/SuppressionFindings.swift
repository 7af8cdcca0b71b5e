import TopographModel

/// The findings `Linter` reports about `lint: { ignore: [...] }` itself. They are not rules
/// (no `check`: only the linter knows which suppressions matched), but they are documented,
/// listed and tested from the same kind of description.
package enum SuppressionFindings {
    package static let unusedID = "unused-suppression"
    package static let unknownID = "unknown-lint-rule"

    package static let descriptions: [LintRuleDescription] = [
        LintRuleDescription(
            id: unknownID, name: "Unknown rule in a suppression", category: .operations, severity: .error,
            summary: "A `lint: { ignore: [...] }` entry names a rule that does not exist",
            rationale: """
                A misspelt rule id suppresses nothing, so the finding it was meant to silence \
                comes back while the file looks deliberate. An unknown id is an error, with the \
                nearest rule id as a suggestion.
                """,
            fix: "Use an id from `topograph rules`.",
            triggering: [
                LintExample("""
                    topograph: 1
                    name: t
                    lint: { ignore: [↓nlb-crosszone] }
                    resources:
                      web: { kind: ecs-service, lint: ↓{ ignore: [missing-healthcheck] } }
                    """),
            ],
            nonTriggering: [
                LintExample("""
                    topograph: 1
                    name: t
                    resources:
                      alb: { kind: alb, scheme: internal }
                      # The smoke-test service answers on / only; its target group probes that.
                      web: { kind: ecs-service, lint: { ignore: [missing-health-check] } }
                    connections:
                      - alb -> web
                    """),
            ]),
        LintRuleDescription(
            id: unusedID, name: "Unused suppression", category: .operations, severity: .warning,
            summary: "A `lint: { ignore: [...] }` entry suppresses nothing in any stage",
            rationale: """
                Suppressions outlive the problem they silenced: once the topology is fixed, a \
                leftover `ignore` would hide the next real finding of that rule. Each one that \
                matches no finding in any stage is reported, so it gets removed.
                """,
            fix: "Remove the entry (or the whole `lint:` key when it is the last one).",
            triggering: [
                LintExample("""
                    topograph: 1
                    name: t
                    lint: { ignore: [↓nlb-cross-zone] }
                    resources:
                      alb: { kind: alb, scheme: internal }
                      web: { kind: ecs-service, health_check: /health, lint: ↓{ ignore: [missing-health-check] } }
                    connections:
                      - alb -> web
                    """),
            ],
            nonTriggering: [
                LintExample("""
                    topograph: 1
                    name: t
                    resources:
                      alb: { kind: alb, scheme: internal }
                      web: { kind: ecs-service, lint: { ignore: [missing-health-check] } }
                    connections:
                      - alb -> web
                    stages:
                      - name: V1
                      - name: V2
                        change:
                          web: { health_check: /health }
                    """),
            ]),
    ]
}
