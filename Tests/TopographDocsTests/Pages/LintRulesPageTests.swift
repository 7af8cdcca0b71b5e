import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographLint
@testable import TopographDocs
import TopographTestSupport

@Suite("Lint rules page")
struct LintRulesPageTests {
    @Test func lintRulesDocumentIsUpToDate() throws {
        let committed = try String(contentsOf: Fixtures.repositoryFile("Docs/lint-rules.md"), encoding: .utf8)
        #expect(
            committed == LintRulesPage.markdown(),
            "Docs/lint-rules.md is out of date: run `swift run topograph rules --markdown > Docs/lint-rules.md`")
    }
}
