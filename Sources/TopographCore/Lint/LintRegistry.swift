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

    /// The rules plus the findings about suppressions: everything a finding's rule id can be,
    /// so `topograph rules ID`, the docs and SARIF's rule list cover them all.
    public static var allDescriptions: [LintRuleDescription] { descriptions + SuppressionFindings.descriptions }

    public static func rule(_ id: String) -> (any LintRule.Type)? {
        all.first { $0.description.id == id }
    }

    public static func description(_ id: String) -> LintRuleDescription? {
        allDescriptions.first { $0.id == id }
    }

    public static let unusedSuppressionID = SuppressionFindings.unusedID
    public static let unknownRuleID = SuppressionFindings.unknownID
}
