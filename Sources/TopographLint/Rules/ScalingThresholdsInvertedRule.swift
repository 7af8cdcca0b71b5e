import TopographModel

struct ScalingThresholdsInvertedRule: LintRule {
    static let description = LintRuleDescription(
        id: "scaling-thresholds-inverted", name: "Scale-in threshold at or above scale-out", category: .reliability, severity: .warning,
        summary: "An autoscaling policy scales in at or above the threshold it scales out at",
        rationale: """
            Step scaling adds capacity above the scale-out threshold and removes it below the \
            scale-in threshold; seed 003 uses 70 and 50, leaving a band in between where nothing \
            happens. With scale-in at or above scale-out both alarms can be in alarm at once, \
            and the service adds and removes tasks in turn (flapping) instead of settling.
            """,
        fix: "Set `scale_in` well below `scale_out` (e.g. 50 and 70).",
        references: ["https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-step-scaling-policies.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service }
                  scaling: { kind: autoscaling, target: web, metric: CPUUtilization, scale_out: 50, scale_in: ↓70 }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service }
                  scaling: { kind: autoscaling, target: web, metric: CPUUtilization, scale_out: 70, scale_in: 50 }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .autoscaling).compactMap { scaling in
            guard let scaleOut = scaling.int("scale_out"), let scaleIn = scaling.int("scale_in"), scaleIn >= scaleOut else { return nil }
            return LintViolation(
                at: scaling.location(of: "scale_in"), "'\(scaling.id)' scales in at \(scaleIn), at or above its scale-out threshold \(scaleOut): it will flap",
                resource: scaling.id)
        }
    }
}
