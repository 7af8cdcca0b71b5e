import Foundation

/// Output formats of `topograph render`.
public enum RenderFormat: String, CaseIterable, Sendable {
    case mermaid
    case svg
    case png
    /// Graphviz's DOT before layout: what the SVG and PNG are drawn from.
    case dot

    public var fileExtension: String {
        switch self {
        case .mermaid: "mmd"
        case .svg: "svg"
        case .png: "png"
        case .dot: "dot"
        }
    }

    /// Text formats may go to standard output; binary ones always go to a file.
    public var isText: Bool {
        self != .png
    }
}

/// Whether a diagram shows every resource or a collapsed view of repeated kinds.
public enum DiagramView: String, CaseIterable, Sendable {
    /// Full, unless the renderer's limits would be exceeded; then collapsed, with a warning.
    case auto
    case full
    case collapsed
}

public struct RenderOptions: Sendable {
    public var direction: DiagramDirection
    public var view: DiagramView
    public var graphviz: GraphvizOptions

    public init(direction: DiagramDirection = .leftToRight, view: DiagramView = .auto, graphviz: GraphvizOptions = GraphvizOptions()) {
        self.direction = direction
        self.view = view
        self.graphviz = graphviz
    }
}

/// One rendered diagram and what the user should know about it.
public struct RenderedDiagram: Sendable {
    public var data: Data
    public var warnings: [String]

    public init(data: Data, warnings: [String] = []) {
        self.data = data
        self.warnings = warnings
    }
}

/// File names of generated artifacts: `<topology>-<stage>.<ext>`, or `<topology>.<ext>`
/// for a file without stages.
public enum ArtifactNaming {
    public static func baseName(topology: String, stage: String) -> String {
        stage == StageInfo.defaultName ? topology : "\(topology)-\(stage)"
    }

    public static func fileName(topology: String, stage: String, fileExtension: String) -> String {
        "\(baseName(topology: topology, stage: stage)).\(fileExtension)"
    }
}
