import Foundation

/// What `render` makes of a topology: the drawings a request asks for, in which order,
/// under which file names, and where they go. The CLI only parses options, prints and
/// writes; the façade renders through the same type, so both name files, pick the
/// default stage and word a renderer's failure the same way.
package struct TopologyRendering: Sendable {
    /// Where the drawings go.
    package enum Outputs: Sendable {
        /// One text drawing (or the page) for standard output.
        case standardOutput(Data)
        /// Files, each with its path; `root` is the directory every path must stay inside
        /// (`OutputWriter.root`), nil when `-o` named the one file.
        case files([GeneratedFile], root: String?)
    }

    package var topology: LoadedTopology
    package var formats: [RenderFormat]
    package var direction: DiagramDirection?
    package var view: DiagramView
    package var graphviz: GraphvizOptions

    package init(_ topology: LoadedTopology, formats: [RenderFormat], direction: DiagramDirection? = nil, view: DiagramView = .auto, graphviz: GraphvizOptions = GraphvizOptions()) {
        self.topology = topology
        self.formats = formats.isEmpty ? [.mermaid] : formats
        self.direction = direction
        self.view = view
        self.graphviz = graphviz
    }

    /// One stage in one format. Every stage is laid out with the others as its group, so a
    /// resource that persists keeps its place from drawing to drawing.
    package func render(_ stage: StageTopology, _ format: RenderFormat) throws -> RenderedDiagram {
        try StageRenderer(options: RenderOptions(direction: direction, view: view, graphviz: graphviz, stageGroup: topology.stages)).render(stage, format: format)
    }

    /// The interactive page: every stage, whatever the selection, drawn as SVG is.
    package func page() throws -> Data {
        try named(topology.file) {
            try HTMLPageBuilder(renderOptions: RenderOptions(direction: direction, view: view, graphviz: graphviz)).page(for: topology, source: topology.file)
        }
    }

    /// Every drawing of `stages` x `formats` (and the page when asked for), for `output`
    /// as `-o` gives it (nil, `-`, a file or a directory). Without `-o`, files go beside
    /// `input` (the path as given; `-` is standard input, so the working directory).
    /// `warning` hears each renderer's warning as the drawing is made.
    package func outputs(stages: [StageTopology], output: String?, input: String, warning: (String) -> Void = { _ in }) throws -> Outputs {
        let page = formats.contains(.html)
        let jobs = stages.flatMap { stage in formats.filter(\.isPerStage).map { (stage, $0) } }
        let single = jobs.count + (page ? 1 : 0) == 1
        let toStandardOutput = output == StandardOutputPath.name
        if toStandardOutput {
            if let binary = formats.first(where: { !$0.isText }) {
                throw TopographFailure.input("-o - writes to standard output, which takes text; \(binary.rawValue) is binary: give a file name (-o diagram.\(binary.fileExtension))")
            }
            if !single {
                throw TopographFailure.input("-o - writes one diagram to standard output, not \(jobs.count) (stages x formats); give a directory")
            }
        }
        if single, page, toStandardOutput { return .standardOutput(try self.page()) }
        if single, !page, output == nil || toStandardOutput, formats[0].isText {
            let rendered = try render(stages[0], formats[0])
            rendered.warnings.forEach(warning)
            return .standardOutput(rendered.data)
        }
        let (directory, singleFile) = Self.destination(output, single: single, input: input)
        var files: [GeneratedFile] = []
        for (stage, format) in jobs {
            let rendered = try named("\(topology.file) (stage \(stage.stage.name))") { try render(stage, format) }
            rendered.warnings.forEach(warning)
            let name = ArtifactNaming.fileName(topology: topology.metadata.name, stage: stage.stage.name, fileExtension: format.fileExtension)
            files.append(GeneratedFile(path: singleFile ?? PathText.join(directory, name), data: rendered.data))
        }
        if page {
            let name = "\(topology.metadata.name).\(RenderFormat.html.fileExtension)"
            files.append(GeneratedFile(path: singleFile ?? PathText.join(directory, name), data: try self.page()))
        }
        return .files(files, root: singleFile == nil && !directory.isEmpty ? directory : nil)
    }

    /// `-o FILE` for one drawing (unless it ends in `/` or is a directory), else the
    /// directory the files go into.
    private static func destination(_ output: String?, single: Bool, input: String) -> (directory: String, file: String?) {
        guard let output else { return (input == StandardOutputPath.name ? "." : PathText.parent(input), nil) }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if single, !output.hasSuffix("/"), !(exists && isDirectory.boolValue) {
            return (PathText.parent(output), output)
        }
        return (output, nil)
    }

    /// A renderer's failure (Graphviz, the layout budget) names the file and stage it
    /// happened in; input errors already carry their positions.
    private func named<T>(_ context: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CustomStringConvertible where !(error is TopologyInputError) {
            throw TopographFailure((error as? any TopographError)?.code ?? .invalidInput, "\(context): \(error.description)")
        }
    }
}

/// `-o -` (and `-` as an input): standard output, for commands that write text.
package enum StandardOutputPath {
    package static let name = "-"
}
