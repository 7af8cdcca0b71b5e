import TopographModel
import TopographDiff

package enum DiffFormat: String, CaseIterable, Sendable {
    case markdown
    case json
    case text
    /// The PR diagram drawn by Graphviz with the same marks as the Markdown's.
    case svg
}

/// `DocumentDiff` in every format the `diff` command writes: the diff's own reports
/// (`DiffReport`), with the pictures drawn here, where the renderers are. `DiffDiagram`
/// builds a marked `Diagram` and the Mermaid and Graphviz renderers draw it.
package enum DiffRenderer {
    package static func render(_ diff: DocumentDiff, format: DiffFormat) throws -> String {
        switch format {
        case .markdown: markdown(diff)
        case .json: try DiffReport.json(diff)
        case .text: DiffReport.text(diff)
        case .svg: try svg(diff)
        }
    }

    /// The PR comment, with the changed stage drawn in Mermaid.
    package static func markdown(_ diff: DocumentDiff) -> String {
        DiffReport.markdown(diff) { DiffDiagram.build($0).map(DiffDiagram.mermaid) }
    }

    /// The same diagram as the Markdown's (one stage: the last that changed), through
    /// Graphviz. With nothing changed it is the last stage, unmarked.
    package static func svg(_ diff: DocumentDiff) throws -> String {
        guard let diagram = DiffDiagram.build(diff) else {
            throw DiffRenderError(description: "there is no stage to draw")
        }
        let header = GeneratedMarker.text(source: "\(diff.oldSource) -> \(diff.newSource)", stage: diff.diagramStage?.name ?? StageInfo.defaultName)
        let rendered = try StageRenderer().renderGraphviz(diagram, header: header, format: .svg)
        return String(decoding: rendered.data, as: UTF8.self)
    }

    package struct DiffRenderError: TopographError {
        package var code: TopographErrorCode { .diffNotDrawable }
        package var description: String
    }
}
