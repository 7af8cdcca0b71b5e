import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
import TopographTestSupport

@Suite("Kind diff traits")
struct KindDiffTraitsTests {
    @Test("every kind has an entry", arguments: KindCatalog.ids)
    func everyKindHasTraits(_ kind: String) throws {
        let traits = try #require(KindDiffTraits.table[KindID(kind)], "add \(kind) to KindDiffTraits.table")
        let spec = try #require(KindCatalog.spec(kind))
        for name in traits.unordered + traits.keyAttributes {
            #expect(spec.attribute(name) != nil, "\(kind) has no attribute \(name)")
        }
        for name in traits.unordered {
            guard case .list? = spec.attribute(name)?.type else {
                Issue.record("\(kind).\(name) is not a list, so it cannot be unordered")
                continue
            }
        }
    }

    @Test func noEntryForAnUnknownKind() {
        #expect(Set(KindDiffTraits.table.keys.map(\.rawValue)) == Set(KindCatalog.ids))
    }

    @Test func referencesComeFromTheCatalogTypes() throws {
        #expect(try #require(KindCatalog.spec("api-gateway-http")).referenceAttributes.isSuperset(of: ["authorizer", "in", "subnets"]))
        #expect(try #require(KindCatalog.spec("vpc-link")).referenceAttributes.contains("targets"))
        #expect(try #require(KindCatalog.spec("autoscaling")).referenceAttributes.contains("target"))
        #expect(try #require(KindCatalog.spec("rds")).referenceAttributes == ["in", "subnets"])
    }
}
