/// What the architecture diff needs to know about each kind, as data keyed by kind id
/// (one table, so adding a kind is one line here; `KindDiffTraitsTests` checks every kind
/// has an entry and every attribute named exists).
///
/// Which attributes reference other resources is not repeated here: the catalog's types
/// say it (`.reference`, `.list(.reference)`), and `referenceAttributes` reads them.
package struct KindDiffTraits: Sendable, Hashable {
    /// List attributes whose order means nothing (`subnets: [a, b]` is `[b, a]`).
    package var unordered: [String]
    /// What a reviewer needs to see of an added or removed resource, in this order.
    package var keyAttributes: [String]

    package init(unordered: [String] = [], key: [String] = []) {
        self.unordered = unordered
        self.keyAttributes = key
    }

    /// Common attributes every kind treats the same way.
    package static let commonUnordered = ["subnets", "zones"]
    /// Attributes that document the architecture without changing it: `--ignore docs`
    /// drops their changes.
    package static let documentation: Set<String> = ["notes", "links", "lint"]

    /// Every kind's traits: its own (`KindSpec.diffTraits`), else the first kinds' entry below.
    package static let table: [KindID: KindDiffTraits] = builtIn.merging(
        KindCatalog.all.compactMap { spec in spec.diffTraits.map { (spec.id, $0) } }, uniquingKeysWith: { $1 })

    private static let builtIn: [KindID: KindDiffTraits] = [
        .user: .init(),
        .internet: .init(),
        .externalService: .init(),
        .vpc: .init(key: ["cidr"]),
        .availabilityZone: .init(),
        .subnet: .init(key: ["access", "az", "cidr"]),
        .internetGateway: .init(),
        .natGateway: .init(),
        .vpcEndpoint: .init(key: ["service", "endpoint_type", "private_dns"]),
        .vpcLink: .init(unordered: ["targets"], key: ["api", "targets", "subnets"]),
        .route53: .init(key: ["record"]),
        .cloudfront: .init(),
        .waf: .init(),
        .cognito: .init(),
        .securityGroup: .init(),
        .iamRole: .init(),
        .alb: .init(unordered: ["listeners"], key: ["scheme", "listeners", "subnets"]),
        .nlb: .init(unordered: ["listeners"], key: ["scheme", "listeners", "cross_zone", "subnets"]),
        .httpAPI: .init(unordered: ["routes", "success_codes"], key: ["endpoint", "routes", "authorizer"]),
        .restAPI: .init(unordered: ["routes", "success_codes", "request_headers"], key: ["endpoint", "routes", "authorizer"]),
        .ecsCluster: .init(),
        .ecsService: .init(key: ["launch", "desired", "min", "max", "subnets", "service_connect"]),
        .lambda: .init(key: ["runtime"]),
        .ec2: .init(key: ["instance_type", "subnets"]),
        .autoscaling: .init(key: ["target", "metric", "min", "max"]),
        .redis: .init(key: ["role", "tls", "port"]),
        .rds: .init(key: ["engine", "public", "instance_class"]),
        .aurora: .init(key: ["engine", "public", "instance_class"]),
        .dynamodb: .init(),
        .s3: .init(),
        .ecr: .init(),
        .cloudwatch: .init(),
        .cloudMap: .init(key: ["namespace"]),
        .generic: .init(key: ["category"]),
    ]

    package static func traits(_ kind: KindID) -> KindDiffTraits { table[kind] ?? KindDiffTraits() }

    /// Whether the order of `attribute`'s list means nothing for `kind`.
    package static func isUnordered(_ attribute: String, kind: KindID) -> Bool {
        commonUnordered.contains(attribute) || traits(kind).unordered.contains(attribute)
    }
}

extension KindSpec {
    /// Attributes (common ones included) whose values are ids of other resources, from
    /// their catalog types: `authorizer`, `target`, `targets`, `subnets`, `in`, ...
    package var referenceAttributes: Set<String> {
        var names: Set<String> = []
        for spec in KindCatalog.commonAttributes + attributes {
            switch spec.type {
            case .reference, .list(.reference): names.insert(spec.name)
            default: break
            }
        }
        return names
    }
}
