import Foundation
import TopographModel

/// Output formats of `topograph render`.
package enum RenderFormat: String, CaseIterable, Sendable {
    case mermaid
    case svg
    case png
    /// Graphviz's DOT before layout: what the SVG and PNG are drawn from.
    case dot
    /// The interactive page of the whole topology (every stage), built by TopographHTML.
    case html

    package var fileExtension: String {
        switch self {
        case .mermaid: "mmd"
        case .svg: "svg"
        case .png: "png"
        case .dot: "dot"
        case .html: "html"
        }
    }

    /// Text formats may go to standard output; binary ones always go to a file.
    package var isText: Bool {
        self != .png
    }

    /// A drawing of one stage; `html` is one page for every stage.
    package var isPerStage: Bool {
        self != .html
    }
}

/// Whether a diagram shows every resource or a collapsed view of repeated kinds.
package enum DiagramView: String, CaseIterable, Sendable {
    /// Full, unless the renderer's limits (for Mermaid: also ~2000 px wide, in either
    /// direction) would be exceeded; then collapsed, with a warning.
    case auto
    case full
    case collapsed
}

package struct RenderOptions: Sendable {
    /// nil: each format's own default (Graphviz LR, as traffic reads; Mermaid whichever of
    /// TB and LR fits GitHub's column, TB first: see `MermaidViewChooser`).
    package var direction: DiagramDirection?
    package var view: DiagramView
    /// The most Graphviz is asked to lay out (see `LayoutBudget`).
    package var layoutBudget: LayoutBudget = .default
    package var graphviz: GraphvizOptions
    /// Every stage of the topology: Graphviz lays each of them out with one ordering, so a
    /// resource that persists from stage to stage keeps its place. Empty: each stage alone.
    package var stageGroup: [StageTopology]

    package init(direction: DiagramDirection? = nil, view: DiagramView = .auto, graphviz: GraphvizOptions = GraphvizOptions(), stageGroup: [StageTopology] = []) {
        self.stageGroup = stageGroup
        self.direction = direction
        self.view = view
        self.graphviz = graphviz
    }
}

/// One rendered diagram and what the user should know about it.
package struct RenderedDiagram: Sendable {
    package var data: Data
    package var warnings: [String]

    package init(data: Data, warnings: [String] = []) {
        self.data = data
        self.warnings = warnings
    }
}
