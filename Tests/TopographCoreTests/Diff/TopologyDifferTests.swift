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
    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("diff").path)) ?? []).sorted()
    }

    func load(_ path: String) throws -> LoadedTopology {
        try TopologyLoader().load(path: Fixtures.url(path).path, displayPath: path)
    }

    func diff(_ name: String) throws -> DocumentDiff {
        TopologyDiffer().diff(old: try load("diff/\(name)/old.yaml"), new: try load("diff/\(name)/new.yaml"))
    }

    @Test("fixture pairs match their expected JSON", arguments: cases)
    func expectedJSON(_ name: String) throws {
        assertGolden(try DiffRenderer.json(try diff(name)), Fixtures.url("diff/\(name)/expected.json"))
    }

    @Test func renameIsARename() throws {
        let changes = try diff("rename").stages[0].diff
        #expect(changes.resources == [ResourceChange(kind: .renamed, id: "orders-db", oldID: "db", resourceKind: "rds")])
        #expect(changes.connections.isEmpty, "the connection follows the renamed resource")
    }

    @Test func moveIsAMove() throws {
        let change = try #require(try diff("move").stages[0].diff.resources.first)
        #expect(change.kind == .moved)
        #expect(change.oldParent == "public-a")
        #expect(change.newParent == "private-a")
        #expect(change.attributes == [AttributeChange(path: "tls", old: .bool(false), new: .bool(true))])
    }

    @Test func attributeChangesAreListedOneByOne() throws {
        let web = try #require(try diff("attributes").stages[0].diff.resources.first { $0.id == "web" })
        #expect(web.kind == .changed)
        #expect(web.attributes.map(\.path) == ["desired", "tags.team", "health_check", "exec"])
    }

    @Test func formattingIsNotAChange() throws {
        #expect(try diff("formatting").isEmpty)
    }

    @Test func stagesAddedAndRemoved() throws {
        let result = try diff("stages")
        #expect(result.stagesAdded == ["V3"])
        #expect(result.stagesRemoved == ["V2"])
    }

    static var validFiles: [String] {
        var files = Fixtures.examples.map { "Docs/examples/" + $0.lastPathComponent }
        files += cases.flatMap { ["Tests/TopographCoreTests/Fixtures/diff/\($0)/old.yaml", "Tests/TopographCoreTests/Fixtures/diff/\($0)/new.yaml"] }
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

    @Test func diffDiagramMarksAndGhosts() throws {
        let result = try diff("attributes")
        let diagram = DiffRenderer.diagram(result.stages[0])
        let nodes = Dictionary(uniqueKeysWithValues: diagram.allNodes.map { ($0.id, $0.mark) } + diagram.allContainers.map { ($0.id, $0.mark) })
        #expect(nodes["queue"] == .added)
        #expect(nodes["web"] == .changed)
        #expect(nodes["old-cache"] == .removed)
    }

    /// 10,000 resources each side, 1% changed: the differ must stay linear (the figure is
    /// measured by scripts/bench/diff-bench.sh, not here).
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

    @Test func refusesSeveralChangedStagesWithoutAChoice() throws {
        let old = try TopologyLoader().load(text: "topograph: 1\nname: t\nresources:\n  a: { kind: user }\nstages:\n  - name: V1\n  - name: V2\n", file: "old.yaml")
        let new = try TopologyLoader().load(text: "topograph: 1\nname: t\nresources:\n  a: { kind: user, label: A }\nstages:\n  - name: V1\n  - name: V2\n", file: "new.yaml")
        let error = #expect(throws: DiffRenderer.SVGStageError.self) { try DiffRenderer.svg(TopologyDiffer().diff(old: old, new: new)) }
        #expect(error?.description.contains("pick one with --stage") == true)
    }
}
