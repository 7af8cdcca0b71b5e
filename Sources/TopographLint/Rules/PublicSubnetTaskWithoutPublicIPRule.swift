import TopographModel

struct PublicSubnetTaskWithoutPublicIPRule: LintRule {
    static let description = LintRuleDescription(
        id: "public-subnet-task-without-public-ip", name: "Task in a public subnet without a public IP", category: .networking, severity: .error,
        summary: "A service in public subnets gets no public IP and has no VPC endpoints to pull its image",
        rationale: """
            A public subnet routes to an internet gateway, which only carries traffic for \
            addresses that have a public IP. A Fargate task there with `assign_public_ip: false` \
            cannot reach ECR, CloudWatch Logs or anything else outside the VPC (a NAT gateway \
            does not help: the subnet's default route is the internet gateway), so it fails \
            with `CannotPullContainerError` unless the VPC has the ECR endpoints.
            """,
        fix: "Move the service to private subnets with a NAT gateway or VPC endpoints (seed 003), or set `assign_public_ip: true`.",
        references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public }
                  web: { kind: ecs-service, in: public-a, assign_public_ip: ↓false }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public }
                  web: { kind: ecs-service, in: public-a, assign_public_ip: true }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        let egress = EgressIndex(topology)
        return topology.resources(ofKind: .ecsService).compactMap { service in
            guard service.bool("assign_public_ip") == false, topology.isInPublicSubnets(service) else { return nil }
            let endpoints = egress.endpointServices(for: service, in: topology)
            guard !PrivateSubnetEgressRule.ecrEndpoints.allSatisfy(endpoints.contains) else { return nil }
            return LintViolation(
                at: service.location(of: "assign_public_ip"),
                "'\(service.id)' runs in public subnets without a public IP and without ECR endpoints: its tasks cannot pull their image",
                resource: service.id)
        }
    }
}
