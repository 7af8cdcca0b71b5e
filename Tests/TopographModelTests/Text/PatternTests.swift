import Foundation
import Testing
@testable import TopographModel

/// `Pattern` answers "no match" for a pattern that does not compile, so every pattern the
/// catalog holds is compiled here: a typo in a rule would otherwise accept nothing silently.
struct PatternTests {
    @Test func everyCatalogRuleCompiles() throws {
        var rules = KindCatalog.all.compactMap(\.nameRule)
        rules += KindCatalog.all.flatMap(\.attributes).compactMap(\.rule)
        #expect(rules.count > 20)
        for rule in rules {
            #expect((try? NSRegularExpression(pattern: "^(?:\(rule.pattern))$")) != nil, "\(rule.subject): \(rule.pattern)")
        }
    }

    @Test func wholeMatchIsAnchoredOccurrenceIsNot() {
        let name = Pattern("[a-z]+")
        #expect(name.matchesWhole("orders"))
        #expect(!name.matchesWhole("orders-1"))
        #expect(name.occurs(in: "orders-1"))
        #expect(!Pattern("[0-9]").occurs(in: "orders"))
    }

    @Test func replacesEveryMatch() {
        #expect(Pattern(AWSValuePlaceholders.pattern).replacingMatches(in: "b-<aws_account_id>-<aws_region>", with: "a0") == "b-a0-a0")
    }

    @Test func aBrokenPatternMatchesNothing() {
        #expect(!Pattern("([a-z]").matchesWhole("a"))
    }

    /// The cache is shared between threads (the docs tree validates topologies in parallel).
    @Test func answersTheSameFromManyThreads() async {
        let answers = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 { group.addTask { Pattern("svc-[0-9]+").matchesWhole("svc-\(index)") } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(answers.count == 64 && answers.allSatisfy { $0 })
    }
}
