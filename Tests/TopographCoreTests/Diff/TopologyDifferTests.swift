import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiagram
@testable import TopographLint
@testable import TopographDiff
@testable import TopographRunbooks
@testable import TopographDocs

@Suite("Topology diff")
struct TopologyDifferTests {
    func diff(_ pair: String) throws -> DocumentDiff { try DiffPairTests.diff(pair) }

    @Test func renameIsARename() throws {
        let changes = try #require(try diff("basic-rename").groups.first).diff
        #expect(changes.resources == [ResourceChange(kind: .renamed, id: "orders-db", oldID: "db", resourceKind: "rds")])
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
        files += ["Tests/TopographCoreTests/Fixtures/render/hostile-labels.yaml", "Tests/TopographCoreTests/Fixtures/lint/findings.yaml"]
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

    @Test func diffDiagramMarksGhostsAndAnnotations() throws {
        let diagram = try #require(DiffDiagram.build(try diff("basic-attributes")))
        let nodes = Dictionary(uniqueKeysWithValues: diagram.allNodes.map { ($0.id, $0.mark) } + diagram.allContainers.map { ($0.id, $0.mark) })
        #expect(nodes["queue"] == .added)
        #expect(nodes["web"] == .changed)
        #expect(nodes["old-cache"] == .removed)
        #expect(diagram.direction == .topToBottom)
        let renamed = try #require(DiffDiagram.build(try diff("rename-plain")))
        #expect(renamed.allNodes.first { $0.id == "assets" }?.caption.contains("renamed from uploads") == true)
        #expect(renamed.allNodes.first { $0.id == "assets" }?.mark == .renamed)
        #expect(MermaidRenderer().render(renamed).contains("classDef diff_renamed stroke:#0972D3"))
        let moved = try #require(DiffDiagram.build(try diff("move")))
        #expect(moved.allNodes.first { $0.id == "sessions" }?.caption.contains("moved from public-a") == true)
        #expect(moved.allNodes.first { $0.id == "sessions" }?.mark == .moved)
    }

    /// 150 changed services among 300 unchanged: the diagram keeps only the changed ones
    /// and their neighbours, and folding never swallows a changed service.
    @Test func bigDiagramsKeepEveryChangedResource() throws {
        func text(changed: Bool) -> String {
            var text = "topograph: 1\nname: big\nresources:\n  vpc: { kind: vpc }\n  private-a: { kind: subnet, in: vpc, access: private }\n  db: { kind: rds, in: private-a }\n"
            for index in 0..<450 { text += "  s\(index): { kind: ecs-service, in: private-a, desired: \(changed && index < 150 ? 2 : 1) }\n" }
            text += "connections:\n"
            for index in 0..<450 { text += "  - s\(index) -> db: sql\n" }
            return text
        }
        let diff = TopologyDiffer().diff(
            old: try TopologyLoader().load(text: text(changed: false), file: "old.yaml"),
            new: try TopologyLoader().load(text: text(changed: true), file: "new.yaml"))
        #expect(diff.groups.first?.diff.resources.count == 150)
        let diagram = try #require(DiffDiagram.build(diff))
        let mermaid = DiffDiagram.mermaid(diagram)
        for index in 0..<150 { #expect(mermaid.contains("r_s\(index)["), "s\(index) is drawn on its own") }
        #expect(!mermaid.contains("r_s300["), "unchanged services that are not neighbours are left out")
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

@Suite("Diff SVG")
struct DiffSVGTests {
    @Test func marksTheChangesInAWellFormedSVG() throws {
        let topology = try TopologyLoader().load(path: Fixtures.repositoryFile("Docs/examples/session-store.yaml").path)
        let diff = TopologyDiffer().diff(stages: topology.stage(named: "V1")!, topology.stage(named: "V2")!, source: "session-store.yaml")
        let svg = try DiffRenderer.svg(diff)
        let document = try SVGDocument(Data(svg.utf8))
        #expect(document.groups["r_api"] != nil)
        #expect(svg.contains("stroke=\"#1d8102\""), "added elements are drawn green")
    }

    @Test func drawsTheLastStageWhenNothingChanged() throws {
        let text = "topograph: 1\nname: t\nresources:\n  a: { kind: user }\nstages:\n  - name: V1\n  - name: V2\n"
        let topology = try TopologyLoader().load(text: text, file: "t.yaml")
        let svg = try DiffRenderer.svg(TopologyDiffer().diff(old: topology, new: topology))
        _ = try SVGDocument(Data(svg.utf8))
    }

    @Test func drawsOneStageWhenSeveralChanged() throws {
        let old = try TopologyLoader().load(text: "topograph: 1\nname: t\nresources:\n  a: { kind: user }\nstages:\n  - name: V1\n  - name: V2\n", file: "old.yaml")
        let new = try TopologyLoader().load(text: "topograph: 1\nname: t\nresources:\n  a: { kind: user, label: A }\nstages:\n  - name: V1\n  - name: V2\n", file: "new.yaml")
        let diff = TopologyDiffer().diff(old: old, new: new)
        #expect(diff.groups.count == 1 && diff.groups[0].allStages)
        #expect(diff.diagramStage?.name == "V2")
        _ = try SVGDocument(Data(try DiffRenderer.svg(diff).utf8))
    }
}
