import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiagram
import TopographTestSupport

/// The render-quality floors over the whole corpus (`Tests/Corpus`, every stage), held from
/// the inside, so that a change to `LayoutOrdering`, `LayoutScore` or the Mermaid view
/// choice fails `swift test` and not only the geometry check. The Python checker
/// (scripts/checks/diagram-geometry.sh) stays the independent oracle: it reads the SVGs as
/// drawn, and real Mermaid in Chromium.
@Suite("Render floors over the corpus", .serialized)
struct RenderFloorTests {
    static var corpus: [URL] {
        Fixtures.files(in: "../Corpus", suffix: ".yaml")
    }

    /// The chosen layout of every stage (the DOT `render` writes, scored as the search
    /// scores it): no edge through a node, and no more crossings over the corpus than now.
    @Test func graphvizLayoutsKeepTheirFloors() throws {
        var drawn = 0
        var crossings = 0
        var throughNodes: [String] = []
        for url in Self.corpus {
            let topology = try TopologyLoader().load(path: url.path)
            let renderer = StageRenderer(options: RenderOptions(graphviz: GraphvizOptions(icons: .none), stageGroup: topology.stages))
            for stage in topology.stages {
                let dot = String(decoding: try renderer.render(stage, format: .dot).data, as: UTF8.self)
                let score = try GraphvizEngine.shared.renderBest([dot], format: nil, judgeLone: true).scores[0]
                drawn += 1
                crossings += score.crossings
                if score.edgesThroughNodes > 0 { throughNodes.append("\(url.lastPathComponent) \(stage.stage.name)") }
            }
        }
        #expect(drawn >= 15, "the corpus has its diagrams")
        #expect(throughNodes.isEmpty, "edges through nodes in \(throughNodes)")
        #expect(crossings <= Self.crossingFloor, "\(crossings) data-flow crossings over \(drawn) diagrams (floor \(Self.crossingFloor))")
    }

    /// Data-flow crossings over the corpus as measured when this floor was set; lower it
    /// when the layout improves, never raise it without a reason in the commit.
    /// 7 over the 16 topologies of #22's split; 10 since the corpus gained #26's six
    /// services-* topologies and the HTTP API service integrations (measured, not a regression).
    static let crossingFloor = 10

    /// Every stage's Mermaid view fits GitHub's column: estimated within 2,000 px.
    @Test func mermaidViewsFitGitHub() throws {
        var tooWide: [String] = []
        for url in Self.corpus {
            let topology = try TopologyLoader().load(path: url.path)
            for stage in topology.stages {
                let full = DiagramBuilder(direction: .topToBottom).build(stage)
                let choice = MermaidViewChooser(direction: nil, view: .auto).choose(full, header: "", stageName: stage.stage.name)
                if choice.estimatedWidth > 2_000 { tooWide.append("\(url.lastPathComponent) \(stage.stage.name): \(Int(choice.estimatedWidth)) px") }
            }
        }
        #expect(tooWide.isEmpty, "too wide for GitHub: \(tooWide)")
    }

    /// Icons are inlined: the SVG references no file, every icon is a `<symbol>` used by id.
    @Test func iconsAreInlined() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("floor-icons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let icon = ##"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#ED7100"/></svg>"##
        for kind in ["ecs-service", "alb", "rds"] { try Data(icon.utf8).write(to: directory.appendingPathComponent("\(kind).svg")) }
        let topology = try TopologyLoader().load(path: Fixtures.repositoryFile("Tests/Corpus/alb-fargate-rds.yaml").path)
        let renderer = StageRenderer(options: RenderOptions(graphviz: GraphvizOptions(icons: .directory(directory.path))))
        let svg = String(decoding: try renderer.render(topology.stages.last!, format: .svg).data, as: UTF8.self)
        #expect(svg.contains("<symbol"), "icons are symbols")
        #expect(svg.contains("<use"), "nodes use them")
        #expect(!svg.contains("xlink:href=\"/") && !svg.contains("href=\"file:") && !svg.contains(directory.path), "no file reference left")
    }
}
