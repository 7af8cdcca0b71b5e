import TopographModel

struct ECSExecEgressRule: LintRule {
    static let description = LintRuleDescription(
        id: "ecs-exec-without-ssmmessages", name: "ECS Exec with no path to Session Manager", category: .operations, severity: .warning,
        summary: "A service with ECS Exec in private subnets has neither a NAT gateway nor an ssmmessages endpoint",
        rationale: """
            `aws ecs execute-command` (seed 000 uses it to open `redis-cli` next to the service) \
            runs through the SSM agent inside the task, which must reach Session Manager's \
            `ssmmessages` API. A task in private subnets without a NAT gateway reaches it only \
            through an interface endpoint for `ssmmessages`; without one, execute-command fails \
            with "Session Manager plugin ... TargetNotConnected" exactly when someone needs a \
            shell during an incident.
            """,
        fix: "Add `{ kind: vpc-endpoint, service: ssmmessages, endpoint_type: interface }` to the VPC, or a NAT gateway in a public subnet.",
        references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  web: { kind: ecs-service, in: private-a, exec: ↓true }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  web: { kind: ecs-service, in: private-a, exec: true }
                  ssm: { kind: vpc-endpoint, in: vpc, service: ssmmessages, endpoint_type: interface }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        let egress = EgressIndex(topology)
        return topology.resources(ofKind: .ecsService).compactMap { service in
            guard service.bool("exec") == true, topology.isInPrivateSubnets(service), !egress.hasNATGateway(for: service, in: topology),
                  !egress.endpointServices(for: service, in: topology).contains("ssmmessages") else { return nil }
            return LintViolation(
                at: service.location(of: "exec"),
                "'\(service.id)' enables ECS Exec in private subnets with no NAT gateway and no ssmmessages endpoint: execute-command cannot connect",
                resource: service.id)
        }
    }
}
