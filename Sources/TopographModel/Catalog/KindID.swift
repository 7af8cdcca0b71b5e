/// A kind's id as the topology writes it (`kind: ecs-service`). A type rather than a bare
/// string so that code naming a kind says which one through a constant the compiler checks
/// (`.ecsService`), and a test holds the constants and the catalog to the same set. It takes
/// no string literal: a kind in code is a constant, and `KindID("...")` is for the catalog and
/// for what a topology or a template says.
package struct KindID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    package let rawValue: String

    package init(rawValue: String) { self.rawValue = rawValue }
    package init(_ rawValue: String) { self.rawValue = rawValue }

    package var description: String { rawValue }

    package init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    package static func < (lhs: KindID, rhs: KindID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The spec of this kind, `nil` for a kind the catalog does not have.
    package var spec: KindSpec? { KindCatalog.spec(rawValue) }
}

extension KindID {
    package static let waf = KindID("waf")
    package static let cognito = KindID("cognito")
    package static let securityGroup = KindID("security-group")
    package static let iamRole = KindID("iam-role")
    package static let user = KindID("user")
    package static let internet = KindID("internet")
    package static let externalService = KindID("external-service")
    package static let httpAPI = KindID("api-gateway-http")
    package static let restAPI = KindID("api-gateway-rest")
    package static let ecr = KindID("ecr")
    package static let cloudwatch = KindID("cloudwatch")
    package static let cloudMap = KindID("cloud-map")
    package static let generic = KindID("generic")
    package static let redis = KindID("elasticache-redis")
    package static let rds = KindID("rds")
    package static let aurora = KindID("aurora")
    package static let dynamodb = KindID("dynamodb")
    package static let s3 = KindID("s3")
    package static let ecsCluster = KindID("ecs-cluster")
    package static let ecsService = KindID("ecs-service")
    package static let lambda = KindID("lambda")
    package static let ec2 = KindID("ec2")
    package static let autoscaling = KindID("autoscaling")
    package static let alb = KindID("alb")
    package static let nlb = KindID("nlb")
    package static let vpc = KindID("vpc")
    package static let availabilityZone = KindID("availability-zone")
    package static let subnet = KindID("subnet")
    package static let internetGateway = KindID("internet-gateway")
    package static let natGateway = KindID("nat-gateway")
    package static let vpcEndpoint = KindID("vpc-endpoint")
    package static let vpcLink = KindID("vpc-link")
    package static let route53 = KindID("route53")
    package static let cloudfront = KindID("cloudfront")

    /// Every constant above, for the test that holds them to the catalog.
    package static let constants: [KindID] = [.waf, .cognito, .securityGroup, .iamRole, .user, .internet, .externalService, .httpAPI, .restAPI, .ecr, .cloudwatch, .cloudMap, .generic, .redis, .rds, .aurora, .dynamodb, .s3, .ecsCluster, .ecsService, .lambda, .ec2, .autoscaling, .alb, .nlb, .vpc, .availabilityZone, .subnet, .internetGateway, .natGateway, .vpcEndpoint, .vpcLink, .route53, .cloudfront] + KindCatalog.oneFileKinds.map(\.id)
}
