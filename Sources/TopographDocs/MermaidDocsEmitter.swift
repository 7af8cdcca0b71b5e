import Foundation
import TopographModel
import TopographInput
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff

/// One `.mmd` file per stage; the index also shows each stage's diagram inline, where
/// GitHub and most docs sites render it.
package struct MermaidDocsEmitter: DocsEmitter {
    package let id = "mermaid"

    package init() {}

    package func files(for topology: LoadedTopology, context: DocsContext) throws -> [GeneratedFile] {
        try topology.stages.map { stage in
            let rendered = try StageRenderer().render(stage, format: .mermaid)
            return GeneratedFile(path: fileName(topology, stage), data: rendered.data)
        }
    }

    package func stageIndexLines(for stage: StageTopology, context: DocsContext) -> [String] {
        guard let rendered = try? StageRenderer().render(stage, format: .mermaid) else { return [] }
        // The generated-by comment would repeat the page's own marker; drop it inline.
        let source = String(decoding: rendered.data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.hasPrefix("%%") }
            .joined(separator: "\n")
        let fenced = MarkdownText.fence(source.trimmingCharacters(in: .newlines), info: "mermaid")
        return [fenced, "",
                "Mermaid source: [\(MarkdownText.codeSpan(fileName(stage)))](\(LinkText.attributeSafe(fileName(stage))))"]
    }

    private func fileName(_ topology: LoadedTopology, _ stage: StageTopology) -> String {
        fileName(stage)
    }

    private func fileName(_ stage: StageTopology) -> String {
        ArtifactNaming.fileName(topology: stage.metadata.name, stage: stage.stage.name, fileExtension: "mmd")
    }
}
