import TopographModel

struct NLBPrivateLinkInboundRulesRule: LintRule {
    static let description = LintRuleDescription(
        id: "nlb-privatelink-inbound-rules", name: "VPC link NLB enforcing inbound rules on PrivateLink traffic", category: .networking, severity: .warning,
        summary: "The NLB behind a REST API's VPC link enforces security-group inbound rules on PrivateLink traffic",
        rationale: """
            A REST API's VPC link reaches its NLB over PrivateLink, from addresses that are not \
            in the caller's VPC. When the NLB has security groups and enforces their inbound \
            rules on PrivateLink traffic, API Gateway's requests are dropped unless a rule \
            admits them. Seed 000 turns `Enforce inbound rules on PrivateLink traffic` off so \
            API Gateway reaches the NLB without a rule for its source range.
            """,
        fix: "Set `enforce_privatelink_inbound_rules: false` on the NLB.",
        references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-security-groups.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  link: { kind: vpc-link, api: rest, targets: [nlb] }
                  nlb: { kind: nlb, scheme: internal, enforce_privatelink_inbound_rules: ↓true }
                connections:
                  - link -> nlb
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  link: { kind: vpc-link, api: rest, targets: [nlb] }
                  nlb: { kind: nlb, scheme: internal, enforce_privatelink_inbound_rules: false }
                  other: { kind: nlb, scheme: internal, enforce_privatelink_inbound_rules: true }
                connections:
                  - link -> nlb
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var behindLinks: Set<String> = []
        for link in topology.resources(ofKind: .vpcLink) where RestVPCLinkTargetRule.isREST(link, in: topology) {
            behindLinks.formUnion(link.strings("targets"))
            behindLinks.formUnion(topology.outgoing(link.id).map(\.to))
        }
        return topology.resources(ofKind: .nlb).compactMap { nlb in
            guard behindLinks.contains(nlb.id), nlb.bool("enforce_privatelink_inbound_rules") == true else { return nil }
            return LintViolation(
                at: nlb.location(of: "enforce_privatelink_inbound_rules"),
                "nlb '\(nlb.id)' is a REST VPC link's target but enforces inbound rules on PrivateLink traffic: API Gateway's requests are dropped",
                resource: nlb.id)
        }
    }
}
