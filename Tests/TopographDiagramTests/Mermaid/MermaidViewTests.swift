import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographDiagram
import TopographTestSupport

/// The Mermaid view choice: the width estimate orders views as Mermaid draws them, auto
/// picks the first that fits GitHub's column, and options the user gave are honoured.
@Suite("Mermaid view choice")
struct MermaidViewTests {
    private func node(_ id: String, kind: String = "lambda") -> DiagramItem {
        .node(DiagramNode(id: id, label: "Function \(id)", caption: kind, kind: kind, category: .compute, shape: .box))
    }

    /// One source feeding `count` targets: `count` nodes side by side in TB, one column in LR.
    private func fanOut(_ count: Int, kind: String = "lambda") -> Diagram {
        let targets = (0..<count).map { node("t\($0)", kind: kind) }
        let edges = (0..<count).map { DiagramEdge(from: "source", to: "t\($0)", label: "invoke") }
        return Diagram(title: "Fan out", direction: .topToBottom, items: [node("source", kind: "api-gateway-http")] + targets, edges: edges, legend: [])
    }

    /// A chain: one column in TB, one long row in LR.
    private func chain(_ count: Int) -> Diagram {
        let items = (0..<count).map { node("c\($0)", kind: "kind\($0)") }
        let edges = (1..<count).map { DiagramEdge(from: "c\($0 - 1)", to: "c\($0)", label: "calls") }
        return Diagram(title: "Chain", direction: .topToBottom, items: items, edges: edges, legend: [])
    }

    /// `rows` parallel chains of `length`: wide in TB and in LR; nodes of a chain share a
    /// kind per position, so the collapsed view merges each position into one node.
    private func grid(rows: Int, length: Int) -> Diagram {
        var items: [DiagramItem] = []
        var edges: [DiagramEdge] = []
        for row in 0..<rows {
            for step in 0..<length {
                items.append(node("n\(row)-\(step)", kind: "step\(step)"))
                if step > 0 { edges.append(DiagramEdge(from: "n\(row)-\(step - 1)", to: "n\(row)-\(step)", label: "next")) }
            }
        }
        return Diagram(title: "Grid", direction: .topToBottom, items: items, edges: edges, legend: [])
    }

    private func width(_ diagram: Diagram, _ direction: DiagramDirection) -> Double {
        var diagram = diagram
        diagram.direction = direction
        return MermaidWidthEstimate().width(of: diagram)
    }

    private func render(_ diagram: Diagram, direction: DiagramDirection? = nil, view: DiagramView = .auto) -> (source: String, warnings: [String]) {
        let rendered = StageRenderer(options: RenderOptions(direction: direction, view: view)).renderMermaid(diagram, header: "test", stageName: "default")
        return (String(decoding: rendered.data, as: UTF8.self), rendered.warnings)
    }

    @Test func textWidthMatchesMermaidsDrawing() {
        // Measured in Chromium with Mermaid 11 (DejaVu Sans): "HTTPS 443" 86.7 px, "logs" 32.7 px.
        #expect(abs(MermaidTextWidth.line("HTTPS 443") - 86.7) < 1)
        #expect(abs(MermaidTextWidth.line("logs") - 32.7) < 1)
        // Mermaid wraps labels at 200 px.
        #expect(MermaidTextWidth.label(String(repeating: "wide label ", count: 10)) == 200)
    }

    @Test func estimateOrdersDirectionsAsDagreDraws() {
        let fan = fanOut(12)
        #expect(width(fan, .topToBottom) > 2 * width(fan, .leftToRight))
        let line = chain(12)
        #expect(width(line, .leftToRight) > 2 * width(line, .topToBottom))
        // More nodes side by side: wider.
        #expect(width(fanOut(12), .topToBottom) > width(fanOut(6), .topToBottom))
    }

    @Test func estimateGrowsWithNodeSpacing() {
        var fan = fanOut(12)
        fan.direction = .topToBottom
        #expect(MermaidWidthEstimate(nodeSpacing: 50).width(of: fan) > MermaidWidthEstimate(nodeSpacing: 30).width(of: fan) + 200)
    }

    @Test func subgraphIsAtLeastItsTitle() {
        let title = "A subgraph with a very long title that is far wider than its content"
        let container = DiagramItem.container(DiagramContainer(id: "box", label: title, caption: "", kind: "vpc", style: .vpc, children: [node("a")]))
        let diagram = Diagram(title: "t", direction: .topToBottom, items: [container, node("b")], edges: [DiagramEdge(from: "b", to: "a", label: nil)], legend: [])
        #expect(width(diagram, .topToBottom) >= MermaidTextWidth.line(title))
    }

    @Test func wideFanOutIsDrawnLeftToRight() {
        let fan = fanOut(14)
        #expect(width(fan, .topToBottom) > MermaidViewChooser.targetWidth)
        let (source, warnings) = render(fan)
        #expect(source.contains("flowchart LR"))
        #expect(!source.contains("×"), "the full view fits left to right, nothing is merged")
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func diagramWideBothWaysIsCollapsed() {
        let wide = grid(rows: 14, length: 14)
        let (source, warnings) = render(wide)
        #expect(source.contains("14 × "), "each position of the chains merged")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("wrote a collapsed view") == true, "\(warnings)")
        var collapsed = DiagramCollapser().collapse(wide)
        collapsed.direction = source.contains("flowchart LR") ? .leftToRight : .topToBottom
        #expect(MermaidWidthEstimate().width(of: collapsed) <= MermaidViewChooser.targetWidth)
    }

    @Test func narrowDiagramStaysFullTopToBottom() {
        let (source, warnings) = render(chain(4))
        #expect(source.contains("flowchart TB"))
        #expect(!source.contains("nodeSpacing"))
        #expect(warnings.isEmpty)
    }

    @Test func explicitDirectionAndViewAreHonoured() {
        let fan = fanOut(14)
        // TB asked for: never switched to LR; the full view was not asked for, so collapse.
        let tb = render(fan, direction: .topToBottom)
        #expect(tb.source.contains("flowchart TB"))
        // TB and full asked for: drawn as asked, with one warning that it is too wide.
        let forced = render(fan, direction: .topToBottom, view: .full)
        #expect(forced.source.contains("flowchart TB"))
        #expect(!forced.source.contains("×"))
        #expect(forced.warnings.count == 1)
        #expect(forced.warnings.first?.contains("wider than ~2000 px") == true, "\(forced.warnings)")
        // --view full alone may still turn the diagram, never collapse it.
        let full = render(grid(rows: 14, length: 14), view: .full)
        #expect(!full.source.contains("×"))
        #expect(full.warnings.count == 1)
        // --view collapsed is collapsed even when the full view would fit.
        let collapsed = render(fanOut(4), view: .collapsed)
        #expect(collapsed.source.contains("4 × "))
    }

    @Test func choiceIsDeterministic() {
        let wide = grid(rows: 9, length: 9)
        #expect(render(wide).source == render(wide).source)
    }

    @Test func tighterSpacingIsWrittenAsFrontMatterConfig() {
        let source = MermaidRenderer(nodeSpacing: 30).render(chain(2))
        let frontMatter = source.components(separatedBy: "---")[1]
        #expect(frontMatter.contains("config:\n  flowchart:\n    nodeSpacing: 30"))
        #expect(source.hasPrefix("---\ntitle: "), "the title stays first")
    }

    @Test func subnetInsideItsZoneDoesNotRepeatTheZone() {
        let subnet = DiagramContainer(id: "private-a", label: "private-a", caption: "Private subnet · us-east-1a", kind: "subnet", style: .privateSubnet, children: [node("db")])
        let zone = DiagramContainer(id: "az-a", label: "us-east-1a", caption: "Availability zone", kind: "availability-zone", style: .availabilityZone, children: [.container(subnet)])
        let source = MermaidRenderer().render(Diagram(title: "t", direction: .topToBottom, items: [.container(zone)], edges: [], legend: []))
        #expect(source.contains("private-a · <small>Private subnet</small>"))
        #expect(!source.contains("Private subnet · us-east-1a"))
        // Outside an AZ frame the caption keeps the AZ.
        let alone = MermaidRenderer().render(Diagram(title: "t", direction: .topToBottom, items: [.container(subnet)], edges: [], legend: []))
        #expect(alone.contains("Private subnet · us-east-1a"))
    }
}
