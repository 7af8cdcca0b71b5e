import TopographModel

struct VPCEndpointTypeRule: LintRule {
    static let description = LintRuleDescription(
        id: "vpc-endpoint-type", name: "Gateway endpoint for an interface-only service", category: .networking, severity: .error,
        summary: "A VPC endpoint is declared `gateway` for a service that only offers interface endpoints",
        rationale: """
            Only S3 and DynamoDB have gateway endpoints (route-table entries). Every other \
            service, `ecr.api`, `ecr.dkr`, `logs`, `execute-api`, `ssmmessages` among them, is \
            reached through an interface endpoint (PrivateLink network interfaces in the \
            subnets); `CreateVpcEndpoint` with type Gateway for them fails, and the tasks that \
            counted on it cannot pull images or ship logs.
            """,
        fix: "Set `endpoint_type: interface` (and `private_dns: true`) on the endpoint.",
        references: ["https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ecr-dkr: { kind: vpc-endpoint, service: ecr.dkr, endpoint_type: ↓gateway }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  s3: { kind: vpc-endpoint, service: s3, endpoint_type: gateway }
                  ecr-dkr: { kind: vpc-endpoint, service: ecr.dkr, endpoint_type: interface }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .vpcEndpoint).compactMap { endpoint in
            guard !VPCEndpointFacts.typeWorks(endpoint), let service = endpoint.string("service") else { return nil }
            return LintViolation(
                at: endpoint.location(of: "endpoint_type"), "'\(service)' has no \(endpoint.string("endpoint_type") ?? "such") endpoint type in AWS; endpoint '\(endpoint.id)' cannot be created",
                resource: endpoint.id)
        }
    }
}
