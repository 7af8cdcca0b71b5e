import TopographModel

/// How wide Mermaid 11 (dagre layout, default config, as GitHub runs it) will draw a
/// diagram, without a browser. GitHub shows a diagram in a ~1000 px column, so a diagram
/// drawn much wider than 2000 px shrinks its 16 px labels below 8 px: `StageRenderer` picks
/// the Mermaid view (TB or LR, full or collapsed) by this estimate.
///
/// It models what sets the width in Mermaid's renderer: node sizes from the label text
/// (`MermaidTextWidth`) and the shape's padding; dagre's ranks (longest path, sources pulled
/// down to their targets), with a label rank between two node ranks; `nodeSpacing` between
/// neighbours of a rank, edge labels and long edges taking room in the ranks they pass; a
/// subgraph as a box around its rows (padding on both sides, at least as wide as its
/// title); and Mermaid's extraction of a subgraph no edge crosses, which is laid out on
/// its own in the other direction and drawn as one node. Calibrated against real Mermaid
/// 11 in headless Chromium over the corpus (scripts/checks/diagram-geometry.sh measures the
/// real drawings); it orders views correctly rather than predicting pixels exactly.
package struct MermaidWidthEstimate: Sendable {
    /// Mermaid's `flowchart.nodeSpacing` and `rankSpacing`.
    package var nodeSpacing: Double
    package var rankSpacing: Double

    package init(nodeSpacing: Double = 50, rankSpacing: Double = 50) {
        self.nodeSpacing = nodeSpacing
        self.rankSpacing = rankSpacing
    }

    /// Estimated width in px of the drawing (the SVG's viewBox), in `diagram.direction`.
    package func width(of diagram: Diagram) -> Double {
        size(of: diagram).width
    }

    package func size(of diagram: Diagram) -> (width: Double, height: Double) {
        let model = MermaidLayoutModel(diagram: diagram, nodeSpacing: nodeSpacing, rankSpacing: rankSpacing)
        var drawn = model.layout(diagram.items, direction: diagram.direction)
        // dagre's margin (8 px each side); the front-matter title (18 px) is centred above.
        drawn.width += 16
        drawn.height += 16
        let title = diagram.stageName.map { "\(diagram.title) (\($0))" } ?? diagram.title
        drawn.width = max(drawn.width, MermaidTextWidth.line(title, size: 18) + 16)
        return (drawn.width, drawn.height + 40)
    }
}

/// Padding and sizes of Mermaid 11's flowchart shapes and subgraphs, measured in Chromium.
enum MermaidShapeMetrics {
    /// Shape width minus label width.
    static func horizontalPadding(_ shape: NodeShape) -> Double {
        switch shape {
        case .box: 60
        case .rounded, .person, .shield, .document: 31
        case .hexagon: 47
        case .cylinder, .cloud: 15
        case .parallelogram: 78
        }
    }

    static let lineHeight = 24.0
    static let nodeVerticalPadding = 30.0
    /// A subgraph laid out with its parent (an edge crosses it): dagre's border nodes sit an
    /// edge-and-node separation from the content on each side.
    static let clusterPadding = 70.0
    /// A subgraph Mermaid extracted and laid out on its own.
    static let extractedPadding = 75.0
    /// A subgraph is at least its title plus this.
    static let titlePadding = 8.0
    /// An empty subgraph is drawn as a node: its wrapped title plus this.
    static let emptyPadding = 32.0
    /// Between a node and a long edge's dummy in a rank: (nodesep + edgesep) / 2.
    static let dummySpacing = 35.0
    /// Along an LR rank, a label takes its width plus this (fitted to Mermaid's drawings).
    static let labelOffset = 20.0
}
