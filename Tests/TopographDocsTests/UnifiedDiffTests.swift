import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographLint
@testable import TopographDocs
import TopographTestSupport

@Suite("UnifiedDiff")
struct UnifiedDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.make(old: "a\nb\n", new: "a\nb\n", oldName: "old", newName: "new") == "")
    }

    @Test func oneChangedLineGetsItsHunkWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "line 5", with: "line five")
        let diff = UnifiedDiff.make(old: old, new: new, oldName: "a.md", newName: "b.md")
        let lines = diff.split(separator: "\n").map(String.init)
        #expect(lines.prefix(3) == ["--- a.md", "+++ b.md", "@@ -2,7 +2,7 @@"])
        #expect(lines.contains("-line 5"))
        #expect(lines.contains("+line five"))
        #expect(lines.contains(" line 2"))
        #expect(!lines.contains(" line 1"), "context is three lines")
    }

    @Test func distantChangesGetSeparateHunks() {
        let old = (1...30).map { "l\($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "l3\n", with: "L3\n").replacingOccurrences(of: "l27\n", with: "L27\n")
        let hunks = UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b").split(separator: "\n").filter { $0.hasPrefix("@@") }
        #expect(hunks.count == 2)
    }

    @Test func additionsAtTheEndAreCounted() {
        let diff = UnifiedDiff.make(old: "a\n", new: "a\nb\nc\n", oldName: "a", newName: "b")
        #expect(diff.contains("+b\n+c"))
    }
}
