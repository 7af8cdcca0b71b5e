import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
import TopographTestSupport

@Suite("Topology diff")
struct TopologyDifferTests {
    func diff(_ pair: String) throws -> DocumentDiff { try DiffPairTests.diff(pair) }

    @Test func renameIsARename() throws {
        let changes = try #require(try diff("basic-rename").groups.first).diff
        #expect(changes.resources == [ResourceChange(kind: .renamed, id: "orders-db", oldID: "db", resourceKind: .rds)])
        #expect(changes.connections.isEmpty, "the connection follows the renamed resource")
    }

    @Test func moveIsAMove() throws {
        let change = try #require(try diff("basic-move").groups.first?.diff.resources.first)
        #expect(change.kind == .moved)
        #expect(change.oldParent == "public-a")
        #expect(change.newParent == "private-a")
        #expect(change.attributes == [AttributeChange(path: "tls", old: .bool(false), new: .bool(true))])
    }

    @Test func attributeChangesAreListedOneByOne() throws {
        let web = try #require(try diff("basic-attributes").groups.first?.diff.resources.first { $0.id == "web" })
        #expect(web.kind == .changed)
        #expect(web.attributes.map(\.path) == ["desired", "tags.team", "health_check", "exec"])
    }

    @Test func formattingIsNotAChange() throws {
        #expect(try diff("basic-formatting").isEmpty)
    }

    @Test func stagesAddedAndRemoved() throws {
        let result = try diff("basic-stages")
        #expect(result.stagesAdded.map(\.name) == ["V3"])
        #expect(result.stagesRemoved == ["V2"])
    }

    @Test func ignoringDocumentationDropsDocsOnlyChanges() throws {
        let result = try diff("docs-only")
        #expect(!result.isEmpty)
        #expect(result.ignoringDocumentation().isEmpty)
        let renamed = try diff("rename-note").ignoringDocumentation()
        #expect(renamed.groups.first?.diff.resources.first?.attributes == [], "the rename stays, its notes change goes")
    }

    static var validFiles: [String] {
        var files = Fixtures.examples.map { "Docs/examples/" + $0.lastPathComponent }
        files += DiffPairTests.pairs.flatMap { pair in
            ["old.yaml", "new.yaml"].map { "Tests/DiffPairs/\(pair)/\($0)" }.filter { FileManager.default.fileExists(atPath: Fixtures.repositoryFile($0).path) }
        }
        let corpus = Fixtures.repositoryFile("Tests/Corpus")
        files += ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map { "Tests/Corpus/" + $0 }
        files += ["Tests/Fixtures/render/hostile-labels.yaml", "Tests/Fixtures/lint/findings.yaml"]
        return files
    }

    @Test("a file compared with itself has no diff", arguments: validFiles)
    func selfDiffIsEmpty(_ path: String) throws {
        let topology = try TopologyLoader().load(path: Fixtures.repositoryFile(path).path)
        #expect(TopologyDiffer().diff(old: topology, new: topology).isEmpty)
    }

    @Test func exampleStagesDiffIntoAdditions() throws {
        let topology = try TopologyLoader().load(path: Fixtures.repositoryFile("Docs/examples/session-store.yaml").path)
        let diff = TopologyDiffer().diff(old: topology.stage(named: "V1")!, new: topology.stage(named: "V2")!)
        #expect(diff.resources.map(\.id) == ["authorizer", "api", "link"])
        #expect(diff.resources.allSatisfy { $0.kind == .added })
        #expect(diff.connections.count == 4)
    }

    /// 500 resources, 1 in 50 renamed: renames found, and the rename search stays cheap.
    @Test func renameDetectionHandlesManyCandidates() throws {
        var old = "topograph: 1\nname: big\nresources:\n"
        var new = old
        for index in 0..<500 {
            old += "  r\(index): { kind: ecs-service, desired: \(index) }\n"
            new += "  \(index % 50 == 0 ? "renamed" : "r")\(index): { kind: ecs-service, desired: \(index) }\n"
        }
        let diff = TopologyDiffer().diff(
            old: try TopologyLoader().load(text: old, file: "old.yaml").stages[0],
            new: try TopologyLoader().load(text: new, file: "new.yaml").stages[0])
        #expect(diff.resources.count == 10)
        #expect(diff.resources.allSatisfy { $0.kind == .renamed && $0.oldID == "r" + $0.id.dropFirst("renamed".count) })
    }
}
