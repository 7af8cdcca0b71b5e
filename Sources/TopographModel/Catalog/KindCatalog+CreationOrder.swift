extension KindCatalog {
    /// The order a rollout creates kinds in, so that what a resource needs exists first: the
    /// network, then endpoints and data, load balancers, compute, the link, the API, DNS and
    /// scaling. Removal runs it backwards. Migration runbooks read it; a test holds it to the
    /// catalog (every kind once).
    package static let creationOrder: [KindID] = [
        .vpc, .availabilityZone, .subnet, .internetGateway, .natGateway, .securityGroup, .iamRole,
        .vpcEndpoint, .redis, .rds, .aurora, .dynamodb, .s3, .ecr, .cloudwatch, .cloudMap,
        .alb, .nlb, .ecsCluster, .ecsService, .ec2, .lambda, .cognito, .vpcLink,
        .httpAPI, .restAPI, .waf, .cloudfront, .route53, .autoscaling,
        .user, .internet, .externalService, .generic,
    ]

    private static let creationRanks: [KindID: Int] = Dictionary(
        uniqueKeysWithValues: creationOrder.enumerated().map { ($0.element, $0.offset) })

    /// Where a kind comes in `creationOrder`; unknown kinds come last.
    package static func creationRank(of kind: KindID) -> Int {
        creationRanks[kind] ?? creationOrder.count
    }
}
