import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiagram
@testable import TopographLint
@testable import TopographDiff
@testable import TopographRunbooks
@testable import TopographDocs

@Suite("Kind catalog")
struct KindCatalogTests {
    @Test func everyKindOfFormatVersion1IsInTheCatalog() {
        let version1 = [
            "user", "internet", "external-service", "vpc", "availability-zone", "subnet", "internet-gateway",
            "nat-gateway", "vpc-endpoint", "vpc-link", "route53", "cloudfront", "waf", "cognito", "security-group",
            "iam-role", "alb", "nlb", "api-gateway-http", "api-gateway-rest", "ecs-cluster", "ecs-service", "lambda",
            "ec2", "autoscaling", "elasticache-redis", "rds", "aurora", "dynamodb", "s3", "ecr", "cloudwatch",
            "cloud-map", "generic",
        ]
        #expect(Set(version1).isSubset(of: Set(KindCatalog.ids)))
        #expect(KindCatalog.ids.count == Set(KindCatalog.ids).count)
    }

    /// The ids agreed with import (#24, #25): renaming one breaks their mappings.
    @Test func agreedServiceKindIdsAreInTheCatalog() {
        let agreed: [KindID: String] = [
            .sqs: "sqs", .sns: "sns", .eventBridgeBus: "eventbridge-bus", .eventBridgeRule: "eventbridge-rule",
            .eventBridgePipe: "eventbridge-pipe", .scheduler: "scheduler", .stepFunctions: "step-functions",
            .kinesisStream: "kinesis-stream", .firehose: "firehose", .msk: "msk", .mq: "mq", .eksCluster: "eks-cluster",
            .eksNodegroup: "eks-nodegroup", .autoscalingGroup: "autoscaling-group", .elbClassic: "elb-classic", .efs: "efs",
            .secretsManager: "secrets-manager", .kmsKey: "kms-key", .cloudwatchAlarm: "cloudwatch-alarm",
            .opensearch: "opensearch", .documentdb: "documentdb", .memorydb: "memorydb", .appsync: "appsync",
            .batch: "batch", .websocketAPI: "api-gateway-websocket",
        ]
        for (constant, id) in agreed {
            #expect(constant.rawValue == id)
            #expect(KindCatalog.spec(constant) != nil, "\(id) is not in the catalog")
        }
    }

    /// A kind defined in one file carries every facet itself, so nothing is left to a table.
    @Test("one-file kinds carry every facet", arguments: KindCatalog.oneFileKinds.map(\.id.rawValue))
    func oneFileKindIsComplete(_ id: String) throws {
        let spec = try #require(KindCatalog.spec(id))
        #expect(spec.icon?.diagrams != nil && spec.icon?.assetPackage.isEmpty == false, "\(id) has no icon")
        #expect(spec.iacTypes != nil && spec.diffTraits != nil && spec.nameRule != nil && spec.scope != nil && spec.createdAfter != nil)
        #expect(spec.isExtension)
        for name in spec.diffTraits?.keyAttributes ?? [] {
            #expect(spec.attribute(name) != nil, "\(id) diff key \(name) is not an attribute")
        }
        for attribute in spec.attributes where attribute.range != nil {
            #expect(attribute.type == .int, "\(id).\(attribute.name) has a range but is not an integer")
        }
    }

    @Test func parentsNameExistingContainerKinds() {
        for spec in KindCatalog.all {
            for parent in spec.parents ?? [] {
                #expect(KindCatalog.spec(parent)?.isContainer == true, "\(spec.id) names parent \(parent)")
            }
        }
    }

    /// Every kind's documented example is a valid resource: docs cannot drift from the code.
    @Test("each kind's example validates", arguments: KindCatalog.ids)
    func exampleValidates(_ id: String) throws {
        let spec = try #require(KindCatalog.spec(id))
        let yaml = """
            topograph: 1
            name: example
            resources:
              vpc: { kind: vpc }
              az-a: { kind: availability-zone, in: vpc }
              az-b: { kind: availability-zone, in: vpc }
              public-a: { kind: subnet, in: az-a, access: public }
              private-a: { kind: subnet, in: az-a, access: private }
              public-b: { kind: subnet, in: az-b, access: public }
              private-b: { kind: subnet, in: az-b, access: private }
              cluster: { kind: ecs-cluster, in: vpc }
              web: { kind: ecs-service, in: cluster }
              authorizer: { kind: lambda }
              discovery: { kind: cloud-map, in: vpc }
              nlb: { kind: nlb, in: vpc }
              dlq: { kind: sqs }
              alerts: { kind: sns }
              key: { kind: kms-key }
              eks: { kind: eks-cluster, in: vpc }
              bus: { kind: eventbridge-bus }
              stream: { kind: kinesis-stream }
              lake: { kind: s3 }
              users: { kind: cognito }
            """
        // Replace a same-id scaffold entry by the example itself.
        let exampleID = String(spec.example.prefix { $0 != ":" })
        let scaffold = yaml.split(separator: "\n").filter { !$0.hasPrefix("  \(exampleID):") }.joined(separator: "\n")
        _ = try TopologyLoader().load(text: scaffold + "\n  " + spec.example + "\n", file: "\(id).yaml")
    }

    @Test func kindsDocumentIsUpToDate() throws {
        let committed = try String(contentsOf: Fixtures.repositoryFile("Docs/kinds.md"), encoding: .utf8)
        #expect(
            committed == KindCatalogDocument.markdown(),
            "Docs/kinds.md is out of date: run `swift run topograph kinds --markdown > Docs/kinds.md`")
    }

    @Test func jsonSchemaIsUpToDate() throws {
        let committed = try String(contentsOf: Fixtures.repositoryFile("Docs/topograph.schema.json"), encoding: .utf8)
        #expect(committed == TopologySchema.json(), "Docs/topograph.schema.json is out of date: run `swift run topograph schema > Docs/topograph.schema.json`")
    }
}

@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
    @Test func diagnosticsDocumentIsUpToDate() throws {
        let committed = try String(contentsOf: Fixtures.repositoryFile("Docs/diagnostics.md"), encoding: .utf8)
        #expect(
            committed == DiagnosticsDocument.markdown(),
            "Docs/diagnostics.md is out of date: run scripts/regenerate")
    }

    @Test func everyCodeIsASlugWithAnExplanation() {
        for code in DiagnosticCode.allCases {
            #expect(code.rawValue.allSatisfy { $0.isLowercase || $0 == "-" }, "\(code.rawValue)")
            #expect(code.explanation.count > 20, "\(code.rawValue) needs an explanation")
        }
    }
}

@Suite("Kind ids")
struct KindIDTests {
    @Test func constantsAndCatalogAgree() {
        #expect(Set(KindID.constants) == Set(KindCatalog.all.map(\.id)))
        #expect(KindID.constants.count == KindCatalog.all.count)
    }

    @Test func creationOrderHasEveryKindOnce() {
        #expect(KindCatalog.creationOrder.count == Set(KindCatalog.creationOrder).count)
        #expect(Set(KindCatalog.creationOrder) == Set(KindCatalog.all.map(\.id)))
    }
}
