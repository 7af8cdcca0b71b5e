struct AutoscalingBoundsRule: LintRule {
    static let description = LintRuleDescription(
        id: "autoscaling-bounds", name: "Inconsistent scaling bounds", category: .reliability, severity: .error,
        summary: "min is above max, or desired lies outside min..max",
        rationale: """
            Application Auto Scaling rejects a scalable target whose minimum exceeds its maximum, and \
            clamps a desired count outside the range at the next scaling activity, so the declared \
            capacity is not the one that runs.
            """,
        fix: "Make `min <= desired <= max`.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service, min: ↓4, max: 2 }
                  api: { kind: ecs-service, min: 2, max: 4, desired: ↓6 }
                  scaling: { kind: autoscaling, target: api, min: ↓5, max: 3 }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service, min: 2, max: 4, desired: 2 }
                  scaling: { kind: autoscaling, target: web, min: 2, max: 4, scale_out: 70, scale_in: 50 }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for resource in topology.resources(ofKinds: ["ecs-service", "autoscaling"]) {
            let minimum = resource.int("min")
            let maximum = resource.int("max")
            if let minimum, let maximum, minimum > maximum {
                violations.append(LintViolation(at: resource.location(of: "min"), "'\(resource.id)': min \(minimum) is above max \(maximum)", resource: resource.id))
                continue
            }
            if let desired = resource.int("desired") {
                if let minimum, desired < minimum {
                    violations.append(LintViolation(at: resource.location(of: "desired"), "'\(resource.id)': desired \(desired) is below min \(minimum)", resource: resource.id))
                } else if let maximum, desired > maximum {
                    violations.append(LintViolation(at: resource.location(of: "desired"), "'\(resource.id)': desired \(desired) is above max \(maximum)", resource: resource.id))
                }
            }
        }
        return violations
    }
}
