/// Every lint rule, alphabetical by id. A test keeps this list sorted and complete.
public enum LintRegistry {
    public static let all: [any LintRule.Type] = [
        AutoscalingBoundsRule.self,
        ClientOnlyServiceConnectRule.self,
        DataInPublicSubnetRule.self,
        HTTPAPIPathMappingRule.self,
        LoadBalancedServiceHealthCheckRule.self,
        NLBCrossZoneRule.self,
        PrivateRestAPIEndpointRule.self,
        PrivateSubnetEgressRule.self,
        PublicEdgeToPrivateResourceRule.self,
        RestAPICookieHeaderRule.self,
        RestVPCLinkTargetRule.self,
        ServiceOutsidePrivateSubnetRule.self,
        SharedExecuteAPIEndpointRule.self,
        SingleZoneLoadBalancerRule.self,
    ]

    public static var descriptions: [LintRuleDescription] { all.map { $0.description } }

    public static func rule(_ id: String) -> (any LintRule.Type)? {
        all.first { $0.description.id == id }
    }

    /// Findings about suppressions themselves, reported like rules.
    public static let unusedSuppressionID = "unused-suppression"
    public static let unknownRuleID = "unknown-lint-rule"
}
