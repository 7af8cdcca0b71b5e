import TopographModel

struct TaskPublicIPRule: LintRule {
    static let description = LintRuleDescription(
        id: "task-public-ip", name: "ECS tasks given public IPs", category: .security, severity: .warning,
        summary: "An ECS service assigns public IPs to its tasks outside public subnets",
        rationale: """
            Seed 003 turns `Auto-assign public IP` off so that no container is reachable from \
            outside. In private subnets a public IP serves no purpose (there is no route to \
            an internet gateway) and becomes an exposure the day a route table changes. Tasks \
            that deliberately run in public subnets are `service-outside-private-subnet`'s \
            finding.
            """,
        fix: "Set `assign_public_ip: false` (or remove it: off is the default).",
        references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  web: { kind: ecs-service, in: private-a, assign_public_ip: ↓true }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  public-a: { kind: subnet, in: vpc, access: public }
                  web: { kind: ecs-service, in: private-a, assign_public_ip: false }
                  edge: { kind: ecs-service, in: public-a, assign_public_ip: true }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .ecsService).compactMap { service in
            guard service.bool("assign_public_ip") == true, !topology.isInPublicSubnets(service) else { return nil }
            return LintViolation(at: service.location(of: "assign_public_ip"), "'\(service.id)' gives its tasks public IPs", resource: service.id)
        }
    }
}
