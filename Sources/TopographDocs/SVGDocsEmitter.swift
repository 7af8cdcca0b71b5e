import Foundation
import TopographModel
import TopographInput
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff

/// One Graphviz SVG per stage, shown on the index page under the inline Mermaid.
package struct SVGDocsEmitter: DocsEmitter {
    package let id = "svg"

    package init() {}

    package func files(for topology: LoadedTopology, context: DocsContext) throws -> [GeneratedFile] {
        try topology.stages.map { stage in
            let rendered = try StageRenderer(options: RenderOptions(stageGroup: topology.stages)).render(stage, format: .svg)
            return GeneratedFile(path: fileName(stage), data: rendered.data)
        }
    }

    package func stageIndexLines(for stage: StageTopology, context: DocsContext) -> [String] {
        ["SVG (Graphviz, every resource): [\(MarkdownText.codeSpan(fileName(stage)))](\(LinkText.attributeSafe(fileName(stage))))"]
    }

    private func fileName(_ stage: StageTopology) -> String {
        ArtifactNaming.fileName(topology: stage.metadata.name, stage: stage.stage.name, fileExtension: "svg")
    }
}
