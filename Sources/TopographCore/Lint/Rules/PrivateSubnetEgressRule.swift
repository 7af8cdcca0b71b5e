struct PrivateSubnetEgressRule: LintRule {
    static let description = LintRuleDescription(
        id: "private-subnet-egress", name: "No path for image pulls or logs from private subnets", category: .operations, severity: .warning,
        summary: "Services in private subnets have neither a NAT gateway nor the VPC endpoints ECR and CloudWatch Logs need",
        rationale: """
            A Fargate task in a private subnet pulls its image from ECR and ships its logs to \
            CloudWatch over the network. Without a NAT gateway it needs interface endpoints for \
            `ecr.api`, `ecr.dkr` and `logs`, and an S3 gateway endpoint (image layers live in S3); \
            missing any of them, tasks fail to start with `CannotPullContainerError` or lose their \
            logs.
            """,
        fix: "Add a `nat-gateway` in a public subnet, or `vpc-endpoint`s for s3 (gateway), ecr.api, ecr.dkr and logs.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  ↓web: { kind: ecs-service, in: private-a }
                  ecr-api: { kind: vpc-endpoint, in: vpc, service: ecr.api }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  web: { kind: ecs-service, in: private-a }
                  s3: { kind: vpc-endpoint, in: vpc, service: s3, endpoint_type: gateway }
                  ecr-api: { kind: vpc-endpoint, in: vpc, service: ecr.api }
                  ecr-dkr: { kind: vpc-endpoint, in: vpc, service: ecr.dkr }
                  logs: { kind: vpc-endpoint, in: vpc, service: logs }
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public }
                  private-a: { kind: subnet, in: vpc, access: private }
                  nat: { kind: nat-gateway, in: public-a }
                  web: { kind: ecs-service, in: private-a }
                """),
        ])

    static let neededEndpoints = ["s3", "ecr.api", "ecr.dkr", "logs"]

    static func check(_ topology: StageTopology) -> [LintViolation] {
        guard topology.resources(ofKind: "nat-gateway").isEmpty else { return [] }
        let endpoints = Set(topology.resources(ofKind: "vpc-endpoint").compactMap { $0.string("service") })
        let missing = neededEndpoints.filter { !endpoints.contains($0) }
        guard !missing.isEmpty else { return [] }
        return topology.resources(ofKind: "ecs-service").compactMap { service in
            let subnets = topology.placementSubnets(of: service)
            guard !subnets.isEmpty, subnets.allSatisfy({ $0.string("access") == "private" }) else { return nil }
            return LintViolation(
                at: service.location,
                "'\(service.id)' runs in private subnets with no NAT gateway and no VPC endpoint for \(missing.joined(separator: ", "))",
                resource: service.id)
        }
    }
}
