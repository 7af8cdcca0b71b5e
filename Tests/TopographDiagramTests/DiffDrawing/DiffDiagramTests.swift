import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographDiagram
import TopographTestSupport

/// The diff's drawing: a marked, focused `Diagram`, drawn by Mermaid for the PR comment
/// and by Graphviz for `diff --format svg`.
@Suite("Diff diagram")
struct DiffDiagramTests {
    @Test func diffDiagramMarksGhostsAndAnnotations() throws {
        let diagram = try #require(DiffDiagram.build(try DiffPairs.diff("basic-attributes")))
        let nodes = Dictionary(uniqueKeysWithValues: diagram.allNodes.map { ($0.id, $0.mark) } + diagram.allContainers.map { ($0.id, $0.mark) })
        #expect(nodes["queue"] == .added)
        #expect(nodes["web"] == .changed)
        #expect(nodes["old-cache"] == .removed)
        #expect(diagram.direction == .topToBottom)
        let renamed = try #require(DiffDiagram.build(try DiffPairs.diff("rename-plain")))
        #expect(renamed.allNodes.first { $0.id == "assets" }?.caption.contains("renamed from uploads") == true)
        #expect(renamed.allNodes.first { $0.id == "assets" }?.mark == .renamed)
        #expect(MermaidRenderer().render(renamed).contains("classDef diff_renamed stroke:#0972D3"))
        let moved = try #require(DiffDiagram.build(try DiffPairs.diff("move")))
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

    @Test("each pair renders as Markdown with its diagram", arguments: DiffPairs.names)
    func rendersMarkdownWithTheDiagram(_ pair: String) throws {
        let diff = try DiffPairs.diff(pair)
        let markdown = try DiffRenderer.render(diff, format: .markdown)
        #expect(markdown.hasPrefix(DiffReport.commentMarker))
        let drawn = diff.diagramStage.map { !$0.diff.ignoringDocumentation().isEmpty } ?? false
        #expect(markdown.contains("```mermaid") == drawn, "a diagram exactly when the architecture changed")
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
