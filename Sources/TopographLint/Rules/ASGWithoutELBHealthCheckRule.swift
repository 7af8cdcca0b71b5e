import TopographModel

struct ASGWithoutELBHealthCheckRule: LintRule {
    static let description = LintRuleDescription(
        id: "asg-without-elb-health-check", name: "Load-balanced Auto Scaling group on EC2 health checks", category: .reliability,
        severity: .warning,
        summary: "An Auto Scaling group behind a load balancer replaces instances only when EC2 status checks fail",
        rationale: """
            With the default `EC2` health check type the group replaces an instance only when \
            the hypervisor's status checks fail. An instance whose application hangs still \
            passes them: the load balancer stops sending it traffic, but the group keeps it, \
            so capacity shrinks silently. With `ELB` the group also replaces instances the \
            load balancer marks unhealthy.
            """,
        fix: "Set `health_check_type: ELB` (and a `health_check_grace` long enough for the application to start).",
        references: ["https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  lb: { kind: alb, zones: [us-east-1a, us-east-1b], health_check: /health }
                  ↓fleet: { kind: autoscaling-group, zones: [us-east-1a, us-east-1b] }
                connections:
                  - lb -> fleet
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  lb: { kind: alb, zones: [us-east-1a, us-east-1b], health_check: /health }
                  fleet: { kind: autoscaling-group, zones: [us-east-1a, us-east-1b], health_check_type: ELB }
                  workers: { kind: autoscaling-group, zones: [us-east-1a, us-east-1b] }
                connections:
                  - lb -> fleet
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        let balancers: Set<KindID> = [.alb, .nlb, .elbClassic]
        return topology.resources(ofKind: .autoscalingGroup).compactMap { group in
            guard group.string("health_check_type") != "ELB" else { return nil }
            let fronted = !group.strings("load_balancers").isEmpty
                || topology.incoming(group.id).contains { topology.resource($0.from).map { balancers.contains($0.kind) } ?? false }
            guard fronted else { return nil }
            return LintViolation(
                at: group.fields["health_check_type"] == nil ? group.location : group.location(of: "health_check_type"),
                "'\(group.id)' is behind a load balancer but replaces instances only on EC2 status checks", resource: group.id)
        }
    }
}
