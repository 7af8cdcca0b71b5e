import TopographModel

struct VPCLinkSubnetsRule: LintRule {
    static let description = LintRuleDescription(
        id: "vpc-link-subnets", name: "HTTP API VPC link not on the services' subnets", category: .networking, severity: .warning,
        summary: "An HTTP API's VPC link is not placed in the subnets of the services it reaches",
        rationale: """
            An HTTP API's VPC link puts network interfaces in the subnets it is given and sends \
            traffic from there. Seed 000 gives it the same private subnets as the ECS services: \
            a link left out of a service's subnets (or zones) depends on cross-subnet rules in \
            every security group and network ACL, and loses its path when the zones it does \
            cover fail. The services are those the link connects to, directly or through the \
            Cloud Map namespace they register in.
            """,
        fix: "List the services' subnets on the link (`subnets: [private-a, private-b]`).",
        references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vpc-links.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  private-b: { kind: subnet, in: vpc, access: private }
                  discovery: { kind: cloud-map }
                  auth: { kind: ecs-service, subnets: [private-a, private-b], discovery: discovery }
                  link: { kind: vpc-link, api: http, targets: [discovery], subnets: ↓[private-a] }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  private-b: { kind: subnet, in: vpc, access: private }
                  discovery: { kind: cloud-map }
                  auth: { kind: ecs-service, subnets: [private-a, private-b], discovery: discovery }
                  link: { kind: vpc-link, api: http, subnets: [private-a, private-b] }
                connections:
                  - link -> auth
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .vpcLink).compactMap { link in
            guard !RestVPCLinkTargetRule.isREST(link, in: topology), !link.subnets.isEmpty else { return nil }
            let linkSubnets = Set(link.subnets)
            var reached = (link.strings("targets") + topology.outgoing(link.id).map(\.to)).compactMap { topology.resource($0) }
            let namespaces = Set(reached.filter { $0.kind == .cloudMap }.map(\.id))
            reached += topology.resources(ofKind: .ecsService).filter { $0.string("discovery").map(namespaces.contains) ?? false }
            let missing = reached.filter { $0.kind == .ecsService }.uniqued().flatMap { service in
                service.subnets.filter { !linkSubnets.contains($0) }
            }.uniqued()
            guard !missing.isEmpty else { return nil }
            return LintViolation(
                at: link.location(of: "subnets"),
                "VPC link '\(link.id)' is not in \(missing.joined(separator: ", ")), where the services it reaches run",
                resource: link.id)
        }
    }
}
