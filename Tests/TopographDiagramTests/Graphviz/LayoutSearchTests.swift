import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographDiagram
import TopographTestSupport

@Suite("layout search")
struct LayoutSearchTests {
    typealias Point = LayoutGeometry.Point

    func edge(_ tail: String, _ head: String, _ a: Point, _ b: Point, dotted: Bool = false) -> LayoutGeometry.Edge {
        // A straight cubic piece: control points on the segment.
        let c1 = Point(x: a.x + (b.x - a.x) / 3, y: a.y + (b.y - a.y) / 3)
        let c2 = Point(x: a.x + 2 * (b.x - a.x) / 3, y: a.y + 2 * (b.y - a.y) / 3)
        return LayoutGeometry.Edge(tail: tail, head: head, controlPoints: [a, c1, c2, b], dotted: dotted)
    }

    func node(_ name: String, _ x: Double, _ y: Double) -> LayoutGeometry.Node {
        LayoutGeometry.Node(name: name, box: LayoutGeometry.Box(minX: x - 10, minY: y - 10, maxX: x + 10, maxY: y + 10))
    }

    @Test("an X of two edges is one crossing; edges meeting at a shared node are none")
    func crossings() {
        let nodes = [node("a", 0, 0), node("b", 200, 200), node("c", 0, 200), node("d", 200, 0)]
        let crossed = LayoutScore(LayoutGeometry(nodes: nodes, edges: [
            edge("a", "b", Point(x: 10, y: 10), Point(x: 190, y: 190)),
            edge("c", "d", Point(x: 10, y: 190), Point(x: 190, y: 10)),
        ]))
        #expect(crossed.crossings == 1)
        #expect(crossed.edgesThroughNodes == 0)
        let fan = LayoutScore(LayoutGeometry(nodes: nodes, edges: [
            edge("a", "b", Point(x: 10, y: 10), Point(x: 190, y: 190)),
            edge("a", "d", Point(x: 10, y: 10), Point(x: 190, y: 10)),
        ]))
        #expect(fan.crossings == 0)
        let dotted = LayoutScore(LayoutGeometry(nodes: nodes, edges: [
            edge("a", "b", Point(x: 10, y: 10), Point(x: 190, y: 190)),
            edge("c", "d", Point(x: 10, y: 190), Point(x: 190, y: 10), dotted: true),
        ]))
        #expect(dotted.crossings == 0 && dotted.referenceCrossings == 1)
        #expect(dotted < crossed)
    }

    @Test("an edge through an unrelated node outweighs any number of crossings")
    func throughNode() {
        let nodes = [node("a", 0, 0), node("m", 100, 0), node("z", 200, 0)]
        let score = LayoutScore(LayoutGeometry(nodes: nodes, edges: [edge("a", "z", Point(x: 10, y: 0), Point(x: 190, y: 0))]))
        #expect(score.edgesThroughNodes == 1)
        #expect(LayoutScore(crossings: 50) < score)
    }

    func diagram(_ yaml: String) throws -> Diagram {
        let topology = try TopologyLoader().load(text: yaml, file: "t.yaml")
        return ReferenceLayout().apply(DiagramBuilder(direction: .leftToRight).build(try #require(topology.stages.last)))
    }

    @Test("orderings keep containers in file order and persistent resources in one relative order")
    func orderingIsStable() throws {
        let head = """
            topograph: 1
            name: t
            resources:
              vpc: { kind: vpc, cidr: 10.0.0.0/16 }
              a: { kind: subnet, in: vpc, access: public, az: us-east-1a, cidr: 10.0.1.0/24 }
              b: { kind: subnet, in: vpc, access: public, az: us-east-1b, cidr: 10.0.2.0/24 }
              one: { kind: ec2, in: a }

            """
        let small = try diagram(head + """
              two: { kind: ec2, in: a }
              three: { kind: ec2, in: a }
            """)
        let grown = try diagram(head + """
              new: { kind: ec2, in: a }
              two: { kind: ec2, in: a }
              three: { kind: ec2, in: a }
            """)
        #expect(LayoutOrdering.fileOrder.apply(small) == small)
        for ordering in LayoutOrdering.candidates {
            let before = ordering.apply(small).allNodes.map(\.id).filter { ["one", "two", "three"].contains($0) }
            let after = ordering.apply(grown).allNodes.map(\.id).filter { ["one", "two", "three"].contains($0) }
            #expect(before == after, "ordering \(ordering.seed)")
            #expect(ordering.apply(grown).allContainers.map(\.id) == grown.allContainers.map(\.id))
        }
        #expect(Set(LayoutOrdering.candidates.map { $0.apply(small).allNodes.map(\.id) }).count > 1)
    }

    @Test("the chosen layout scores no worse than the file order on every corpus stage with crossings")
    func searchNeverWorse() throws {
        let corpus = Fixtures.repositoryFile("Tests/Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var improved = 0
        for file in files {
            let topology = try TopologyLoader().load(path: corpus.appendingPathComponent(file).path, displayPath: file)
            for stage in topology.stages {
                let laidOut = ReferenceLayout().apply(DiagramBuilder(direction: .leftToRight).build(stage))
                var warnings: [String] = []
                // The first eight candidates keep the test quick; they already differ in both dimensions.
                let sources = LayoutOrdering.candidates.prefix(8).map { GraphvizRenderer(options: $0.graphviz(GraphvizOptions())).dot($0.apply(laidOut), header: nil, warnings: &warnings) }
                let all = try GraphvizEngine.shared.renderBest(sources, format: nil)
                let chosen = try GraphvizEngine.shared.renderBest(sources, format: nil, enough: 0)
                #expect(chosen.scores[chosen.chosen] <= all.scores[0], "\(file) \(stage.stage.name)")
                #expect(chosen.scores[chosen.chosen] == all.scores.min(), "\(file) \(stage.stage.name)")
                if all.scores[0].value > 0, chosen.scores[chosen.chosen] < all.scores[0] { improved += 1 }
            }
        }
        // The search must actually find better layouts somewhere in the corpus.
        #expect(improved > 0)
    }
}

@Suite("layout search, end to end")
struct LayoutSearchEndToEndTests {
    @Test("what render draws for each corpus stage scores no worse than the file order, node for node")
    func renderedNoWorse() throws {
        let corpus = Fixtures.repositoryFile("Tests/Corpus")
        for file in ["session-store-stages.yaml", "monolith-to-services.yaml"] {
            let topology = try TopologyLoader().load(path: corpus.appendingPathComponent(file).path, displayPath: file)
            let renderer = StageRenderer(options: RenderOptions(stageGroup: topology.stages))
            for stage in topology.stages {
                let drawn = String(decoding: try renderer.render(stage, format: .dot).data, as: UTF8.self)
                let laidOut = ReferenceLayout().apply(DiagramBuilder(direction: .leftToRight).build(stage))
                var warnings: [String] = []
                let fileOrder = GraphvizRenderer().dot(laidOut, header: nil, warnings: &warnings)
                let scores = try GraphvizEngine.shared.renderBest([drawn, fileOrder], format: nil).scores
                #expect(scores[0] <= scores[1], "\(file) \(stage.stage.name): \(scores[0]) vs file order \(scores[1])")
                #expect(scores[0].edgesThroughNodes == 0)
                // The same nodes, only fed in another order.
                let nodes = { (dot: String) in Set(dot.split(separator: "\n").compactMap { line in
                    line.trimmingCharacters(in: .whitespaces).hasPrefix("\"r_") && !line.contains(" -> ") ? line.split(separator: " ")[0] : nil
                }) }
                #expect(nodes(drawn) == nodes(fileOrder))
            }
        }
    }
}

@Suite("layout search engine")
struct LayoutSearchEngineTests {
    @Test("the best candidate renders even when a later one was laid out after it")
    func earlierBestRenders() throws {
        let dot = "digraph { a -> b; b -> c; a -> c }"
        let result = try GraphvizEngine.shared.renderBest([dot, dot, dot], format: "svg")
        #expect(result.chosen == 0)
        #expect(result.scores.count == 3)
        let svg = String(decoding: try #require(result.data), as: UTF8.self)
        #expect(svg.contains("<svg") && svg.contains("a&#45;&gt;c"))
    }
}
