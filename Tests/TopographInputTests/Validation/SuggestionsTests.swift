import Testing
@testable import TopographModel
@testable import TopographInput
import TopographTestSupport

@Suite("Did-you-mean suggestions")
struct SuggestionsTests {
    @Test(arguments: [
        ("albb", "alb"), ("ecs-servce", "ecs-service"), ("helth_check", "health_check"),
        ("resource", "resources"), ("elasticache-rdis", "elasticache-redis"), ("nbl", "nlb"),
    ])
    func suggestsTheClosest(_ typo: String, _ expected: String) {
        let candidates = KindCatalog.ids + ["health_check", "resources", "routes"]
        #expect(Suggestions.closest(to: typo, in: candidates) == expected)
    }

    @Test func doesNotSuggestUnrelatedWords() {
        #expect(Suggestions.closest(to: "s3", in: ["rds", "alb"]) == nil)
        #expect(Suggestions.closest(to: "kubernetes", in: KindCatalog.ids) == nil)
    }
}
