import Foundation
import Testing
@testable import TopographModel
@testable import TopographDocs

@Suite("DocsTreeBuilder")
struct DocsTreeBuilderTests {
    let example = Fixtures.repositoryFile("Docs/examples/session-store.yaml").path

    @Test func theExampleGivesIndexDiagramsAndRunbooksSortedByPath() {
        let tree = DocsTreeBuilder().build(sources: [example])
        let paths = tree.files.map(\.path)
        #expect(tree.failures.isEmpty)
        #expect(paths == paths.sorted())
        #expect(paths.contains("index.md"))
        #expect(paths.contains("session-store/index.md"))
        #expect(paths.contains { $0.hasSuffix("session-store-V2.mmd") })
        #expect(paths.contains { $0.hasSuffix("session-store-V1-to-V2-migration.md") })
        // Every file, pages included: `generate` replaces and `check` reports only files it recognises as its own.
        let unmarked = tree.files.filter { !GeneratedMarker.isGenerated($0.data) }.map(\.path)
        #expect(unmarked.isEmpty, "files generate could never replace: \(unmarked)")
    }

    @Test func aBrokenTopologyIsAFailureAndTheOthersStillBuild() throws {
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).yaml")
        try "topograph: 1\nname: broken\nresources:\n  a: { kind: nope }\n".write(to: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: broken) }
        let tree = DocsTreeBuilder().build(sources: [example, broken.path])
        #expect(tree.failures.count == 1)
        #expect(tree.failures.first?.diagnostics.first?.code == .unknownKind)
        #expect(tree.files.contains { $0.path == "session-store/index.md" })
    }

    @Test func buildingTwiceGivesTheSameBytes() {
        let first = DocsTreeBuilder().build(sources: [example]).files
        let second = DocsTreeBuilder().build(sources: [example]).files
        #expect(first == second)
    }
}
