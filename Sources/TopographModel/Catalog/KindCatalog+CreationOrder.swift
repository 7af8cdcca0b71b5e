extension KindCatalog {
    /// The order a rollout creates kinds in, so that what a resource needs exists first: the
    /// network, then endpoints and data, load balancers, compute, the link, the API, DNS and
    /// scaling. Removal runs it backwards. Migration runbooks read it; a test holds it to the
    /// catalog (every kind once).
    package static let creationOrder: [KindID] = placingLaterKinds(in: firstKindsOrder)

    /// Each kind that names `createdAfter` goes right after that kind (after the ones placed
    /// there before it, so the catalog's order holds among them); one whose anchor never
    /// comes goes last.
    private static func placingLaterKinds(in order: [KindID]) -> [KindID] {
        var order = order
        var pending = all.filter { $0.createdAfter != nil && !order.contains($0.id) }
        var placedAfter: [KindID: KindID] = [:]
        while !pending.isEmpty {
            let ready = pending.filter { order.contains($0.createdAfter!) }
            guard !ready.isEmpty else {
                order += pending.map(\.id)
                break
            }
            for spec in ready {
                let anchor = spec.createdAfter!
                let after = placedAfter[anchor] ?? anchor
                order.insert(spec.id, at: order.firstIndex(of: after)! + 1)
                placedAfter[anchor] = spec.id
            }
            pending.removeAll { spec in ready.contains { $0.id == spec.id } }
        }
        return order
    }

    private static let firstKindsOrder: [KindID] = [
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
