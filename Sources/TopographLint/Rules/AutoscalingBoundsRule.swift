import TopographModel

struct AutoscalingBoundsRule: LintRule {
    static let description = LintRuleDescription(
        id: "autoscaling-bounds", name: "Inconsistent scaling bounds", category: .reliability, severity: .error,
        summary: "A scaling minimum is above its maximum, or a desired count lies outside min..max",
        rationale: """
            Application Auto Scaling refuses to register a scalable target whose minimum capacity \
            is above its maximum. A desired count outside the range does not survive either: the \
            first scaling activity moves the service back inside min..max, so the capacity the \
            topology (and its runbook) announces is not what runs. The bounds can be written on \
            the service itself or on an `autoscaling` resource that targets it; both are checked, \
            and against each other.
            """,
        fix: "Make `min <= desired <= max`, on the service and on the autoscaling resource that targets it.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service, min: ↓4, max: 2 }
                  api: { kind: ecs-service, min: 2, max: 4, desired: ↓6 }
                  scaling: { kind: autoscaling, target: api, min: ↓5, max: 3 }
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service, desired: ↓1 }
                  web-scaling: { kind: autoscaling, target: web, min: 2, max: 4 }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service, min: 2, max: 4, desired: 2 }
                  scaling: { kind: autoscaling, target: web, min: 2, max: 4, scale_out: 70, scale_in: 50 }
                  auth: { kind: ecs-service, desired: 3 }
                  auth-scaling: { kind: autoscaling, target: auth, max: 6 }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        var scalingByTarget: [String: Resource] = [:]
        for scaling in topology.resources(ofKind: .autoscaling) {
            if let target = scaling.string("target"), scalingByTarget[target] == nil { scalingByTarget[target] = scaling }
        }
        for resource in topology.resources(ofKinds: [.ecsService, .autoscaling]) {
            let (minimum, maximum) = (resource.int("min"), resource.int("max"))
            if let minimum, let maximum, minimum > maximum {
                violations.append(LintViolation(at: resource.location(of: "min"), "'\(resource.id)': min \(minimum) is above max \(maximum)", resource: resource.id))
                continue
            }
            guard let desired = resource.int("desired") else { continue }
            // A service without its own bounds takes them from the autoscaling resource aimed at it.
            var bounds = (minimum: minimum, maximum: maximum, source: "")
            if minimum == nil, maximum == nil, resource.kind == .ecsService,
               let scaling = scalingByTarget[resource.id] {
                bounds = (scaling.int("min"), scaling.int("max"), " of '\(scaling.id)'")
            }
            if let minimum = bounds.minimum, desired < minimum {
                violations.append(LintViolation(
                    at: resource.location(of: "desired"), "'\(resource.id)': desired \(desired) is below min \(minimum)\(bounds.source)", resource: resource.id))
            } else if let maximum = bounds.maximum, desired > maximum {
                violations.append(LintViolation(
                    at: resource.location(of: "desired"), "'\(resource.id)': desired \(desired) is above max \(maximum)\(bounds.source)", resource: resource.id))
            }
        }
        return violations
    }
}
