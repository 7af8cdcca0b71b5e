import TopographModel

struct LambdaInPublicSubnetRule: LintRule {
    static let description = LintRuleDescription(
        id: "lambda-in-public-subnet", name: "Lambda in a public subnet expecting the internet", category: .networking, severity: .error,
        summary: "A Lambda function in public subnets calls the internet",
        rationale: """
            A Lambda function attached to a VPC never gets a public IP address, even in a \
            public subnet, so the internet gateway's route does nothing for it: calls to the \
            internet or an external service time out. A VPC Lambda reaches the internet only \
            from private subnets through a NAT gateway.
            """,
        fix: "Place the function in private subnets whose VPC has a NAT gateway in a public subnet.",
        references: ["https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public }
                  hook: { kind: lambda, in: ↓public-a }
                  payments: { kind: external-service }
                connections:
                  - hook -> payments
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public }
                  private-a: { kind: subnet, in: vpc, access: private }
                  nat: { kind: nat-gateway, in: public-a }
                  hook: { kind: lambda, in: private-a }
                  outside: { kind: lambda }
                  payments: { kind: external-service }
                connections:
                  - hook -> payments
                  - outside -> payments
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .lambda).compactMap { function in
            let subnets = topology.placementSubnets(of: function)
            guard let subnet = subnets.first(where: { $0.subnetAccess == "public" }) else { return nil }
            let external = topology.outgoing(function.id).compactMap { topology.resource($0.to) }
                .filter { [.internet, .externalService].contains($0.kind) }
            guard let target = external.first else { return nil }
            return LintViolation(
                at: topology.placementLocation(of: function, subnet: subnet.id),
                "lambda '\(function.id)' calls '\(target.id)' from public subnet '\(subnet.id)', where it gets no public IP: the call times out",
                resource: function.id)
        }
    }
}
