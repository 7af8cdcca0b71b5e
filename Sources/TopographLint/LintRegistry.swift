import TopographModel

/// Every lint rule, alphabetical by id. A test keeps this list sorted and complete.
package enum LintRegistry {
    package static let all: [any LintRule.Type] = [
        AlarmWithoutActionRule.self,
        APIWithoutAuthorizerRule.self,
        ASGWithoutELBHealthCheckRule.self,
        AutoscalingBoundsRule.self,
        AZOutsideRegionRule.self,
        BroadManagedPolicyRule.self,
        ClassicLoadBalancerRule.self,
        ClientOnlyServiceConnectRule.self,
        DataInPublicSubnetRule.self,
        DLQRetentionRule.self,
        DLQTypeMismatchRule.self,
        ECSExecEgressRule.self,
        EFSMountTargetZoneRule.self,
        EKSPublicEndpointRule.self,
        EventTargetWithoutDLQRule.self,
        EventRuleTargetLimitRule.self,
        ExpressWorkflowWithoutLoggingRule.self,
        FIFONameSuffixRule.self,
        FIFOTopicStandardSubscriberRule.self,
        HTTPAPIPathMappingRule.self,
        HTTPListenerWithoutRedirectRule.self,
        IngressBlocksConnectionRule.self,
        IngressOpenToInternetRule.self,
        IngressUnknownSourceRule.self,
        InternetFacingLBInPrivateSubnetsRule.self,
        InternetListenerWithoutHTTPSRule.self,
        KMSKeyRotationRule.self,
        LambdaInPublicSubnetRule.self,
        LoadBalancerWithoutTargetsRule.self,
        ListenerProtocolRule.self,
        LoadBalancedServiceHealthCheckRule.self,
        MSKPlaintextClientsRule.self,
        NLBCrossZoneRule.self,
        NLBPrivateLinkInboundRulesRule.self,
        PeeredVPCCIDROverlapRule.self,
        PrivateRestAPIEndpointRule.self,
        PrivateSubnetEgressRule.self,
        PublicEdgeToPrivateResourceRule.self,
        PublicS3BucketRule.self,
        PublicSubnetTaskWithoutPublicIPRule.self,
        RDSBackupsDisabledRule.self,
        RedisAuthRequiresTLSRule.self,
        RedisWithoutAuthRule.self,
        RedisWithoutTLSRule.self,
        RestAPICookieHeaderRule.self,
        RestVPCLinkTargetRule.self,
        S3UploadThroughAPIGatewayRule.self,
        ScalingThresholdsInvertedRule.self,
        ServiceConnectCallerRule.self,
        ServiceOutsidePrivateSubnetRule.self,
        SharedExecuteAPIEndpointRule.self,
        SingleAZDataStoreRule.self,
        SingleNATGatewayRule.self,
        SingleZoneInstanceGroupRule.self,
        SingleZoneLoadBalancerRule.self,
        SingleZoneNLBRule.self,
        SingleZoneTargetRule.self,
        SQSConsumerWithoutDLQRule.self,
        SQSVisibilityBelowFunctionTimeoutRule.self,
        SSHFromInternetRule.self,
        SubnetCIDROutsideVPCRule.self,
        TaskPublicIPRule.self,
        UnencryptedDataStoreRule.self,
        UnencryptedMessagingRule.self,
        VPCEndpointTypeRule.self,
        VPCLinkSubnetsRule.self,
        WAFOnHTTPAPIRule.self,
    ]

    package static var descriptions: [LintRuleDescription] { all.map { $0.description } }

    /// The rules plus the findings about suppressions: everything a finding's rule id can be,
    /// so `topograph rules ID`, the docs and SARIF's rule list cover them all.
    package static var allDescriptions: [LintRuleDescription] { descriptions + SuppressionFindings.descriptions }

    package static func rule(_ id: String) -> (any LintRule.Type)? {
        all.first { $0.description.id == id }
    }

    package static func description(_ id: String) -> LintRuleDescription? {
        allDescriptions.first { $0.id == id }
    }

    package static let unusedSuppressionID = SuppressionFindings.unusedID
    package static let unknownRuleID = SuppressionFindings.unknownID
}
