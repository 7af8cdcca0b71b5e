import Foundation

/// One Graphviz SVG per stage, shown on the index page under the inline Mermaid.
public struct SVGDocsEmitter: DocsEmitter {
    public let id = "svg"

    public init() {}

    public func files(for topology: LoadedTopology, context: DocsContext) throws -> [GeneratedFile] {
        try topology.stages.map { stage in
            let rendered = try StageRenderer().render(stage, format: .svg)
            return GeneratedFile(path: fileName(stage), data: rendered.data)
        }
    }

    public func stageIndexLines(for stage: StageTopology, context: DocsContext) -> [String] {
        ["SVG (Graphviz, every resource): [\(MarkdownText.codeSpan(fileName(stage)))](\(LinkText.attributeSafe(fileName(stage))))"]
    }

    private func fileName(_ stage: StageTopology) -> String {
        ArtifactNaming.fileName(topology: stage.metadata.name, stage: stage.stage.name, fileExtension: "svg")
    }
}
