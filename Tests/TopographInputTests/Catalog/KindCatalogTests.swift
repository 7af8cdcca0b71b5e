import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
import TopographTestSupport

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
        #expect(Set(KindCatalog.ids) == Set(version1))
        #expect(KindCatalog.ids.count == Set(KindCatalog.ids).count)
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
              public-a: { kind: subnet, in: az-a, access: public }
              private-a: { kind: subnet, in: az-a, access: private }
              cluster: { kind: ecs-cluster, in: vpc }
              web: { kind: ecs-service, in: cluster }
              authorizer: { kind: lambda }
              discovery: { kind: cloud-map, in: vpc }
              nlb: { kind: nlb, in: vpc }
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
