import ArgumentParser
import Foundation
import TopographCore

extension RenderFormat: ExpressibleByArgument {}
extension DiagramView: ExpressibleByArgument {}
extension DiagramDirection: ExpressibleByArgument {}
extension EdgeRouting: ExpressibleByArgument {}

/// `--format svg,png` as well as `--format svg --format png`.
struct FormatList: ExpressibleByArgument {
    var formats: [RenderFormat]

    init?(argument: String) {
        var formats: [RenderFormat] = []
        for part in argument.split(separator: ",") {
            guard let format = RenderFormat(rawValue: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            formats.append(format)
        }
        guard !formats.isEmpty else { return nil }
        self.formats = formats
    }

    static var allValueStrings: [String] { RenderFormat.allCases.map(\.rawValue) }
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a topology's stages as Mermaid, or with Graphviz as SVG, PNG, DOT or one interactive HTML page.",
        discussion: """
            Without --stage or --all-stages the last stage is drawn (the architecture as it ends \
            up). One text output goes to standard output unless -o is given; several outputs \
            (stages x formats) and PNG go to files named <name>-<stage>.<ext>, in the -o \
            directory or beside the input. A file topograph did not generate is never \
            overwritten.

            SVG and PNG are laid out in-process by Graphviz's own library (no `dot` process): \
            self-contained, byte-identical run to run, every label escaped, links only for \
            http(s). `--format html` writes one self-contained page with every stage (pan and \
            zoom, the migration's changes, a panel per resource with its lint findings and \
            runbook sections; see Docs/html.md). Mermaid output stays within what GitHub's Mermaid accepts (see --view).

            Examples:
              topograph render arch.yaml              # last stage, Mermaid, stdout
              topograph render arch.yaml --stage V1 --format svg -o v1.svg
              topograph render arch.yaml --all-stages --format svg,png,dot -o out/
              topograph render arch.yaml --format html -o arch.html  # every stage, one page
              topograph render arch.yaml --format svg --icons icons/   # <kind>.svg
            """)

    @Argument(help: ArgumentHelp("The topology file ('-' reads standard input).", valueName: "file"))
    var file: String

    @Option(name: .shortAndLong, parsing: .singleValue, help: ArgumentHelp("Output formats, comma separated.", valueName: "format"))
    var format: [FormatList] = []

    @Option(help: "Draw this stage only.")
    var stage: String?

    @Flag(help: "Draw every stage.")
    var allStages = false

    @Option(help: "Layout direction: LR (left to right) or TB (top to bottom). Default: LR for Graphviz; for Mermaid TB, or LR when only that fits GitHub's column (~2000 px).")
    var direction: DiagramDirection?

    @Option(help: ArgumentHelp("full, collapsed (repeated kinds merged), or auto: full unless it would exceed Mermaid's limits or, for Mermaid, ~2000 px in both directions (SVG: above 60 nodes).", valueName: "view"))
    var view: DiagramView = .auto

    @Option(help: ArgumentHelp("Graphviz edge routing: spline, polyline or ortho (ortho only up to \(GraphvizOptions.orthoLimit) edges; it takes minutes on large graphs).", valueName: "routing"))
    var splines: EdgeRouting = .spline

    @Option(help: ArgumentHelp("Icons for SVG and PNG: AWS's Asset Package folder as downloaded, PyPI diagrams' resources folder, or your own <kind>.svg/.png. Default: $TOPOGRAPH_ICONS, else the AWS icons of the diagrams package the set-up installs.", valueName: "dir"))
    var icons: String?

    @Flag(help: "Draw Graphviz diagrams with coloured shapes instead of AWS icons.")
    var noIcons = false

    @Flag(help: "Leave the legend of kinds out of Graphviz diagrams.")
    var noLegend = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file, or directory when there are several outputs.", valueName: "path"))
    var output: String?

    @Flag(help: "Overwrite output files even if topograph did not generate them.")
    var force = false

    @Flag(name: .shortAndLong, help: "No warnings and no `wrote FILE` lines; errors only.")
    var quiet = false

    func validate() throws {
        if stage != nil && allStages { throw ValidationError("--stage and --all-stages cannot be used together") }
    }

    func run() throws {
        let formats = format.isEmpty ? [RenderFormat.mermaid] : format.flatMap(\.formats).uniqued()
        let topology = try InputLoading.load(file)
        if !quiet { DiagnosticPrinter.standardError.print(topology.warnings) }
        let stages = try InputLoading.select(topology, stage: stage, all: allStages)
        if let icons {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: icons, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandFailure.input("--icons \(icons): not a directory")
            }
        }
        let source: IconSource = noIcons ? .none : icons.map(IconSource.directory) ?? .automatic
        let graphviz = GraphvizOptions(routing: splines, icons: source, legend: !noLegend)
        if source == .automatic, formats.contains(where: { $0 != .mermaid }), !PhaseTiming.measure("icons", { IconSource.automaticIsAvailable }) {
            DiagnosticPrinter.standardError.printNote("no AWS icons found (TOPOGRAPH_ICONS unset, PyPI diagrams not installed: scripts/setup.sh installs it); drawing shapes")
        }
        let renderer = StageRenderer(options: RenderOptions(direction: direction, view: view, graphviz: graphviz, stageGroup: topology.stages))
        // The HTML page is one file with every stage; the other formats are one file per stage.
        let page = formats.contains(.html)
        var jobs: [(StageTopology, RenderFormat)] = []
        for stage in stages { for format in formats where format.isPerStage { jobs.append((stage, format)) } }
        let single = jobs.count + (page ? 1 : 0) == 1

        if output == StandardOutput.name {
            if let binary = formats.first(where: { !$0.isText }) {
                throw CommandFailure.input("-o - writes to standard output, which takes text; \(binary.rawValue) is binary: give a file name (-o diagram.\(binary.fileExtension))")
            }
            if !single {
                throw CommandFailure.input("-o - writes one diagram to standard output, not \(jobs.count) (stages x formats); give a directory")
            }
        }
        if single, page, output == StandardOutput.name {
            try StandardStream.output(try htmlPage(topology, graphviz: graphviz))
            return
        }
        if single, !page, output == nil || output == StandardOutput.name, formats[0].isText {
            let rendered = try renderer.render(stages[0], format: formats[0])
            if !quiet { rendered.warnings.forEach(DiagnosticPrinter.standardError.printWarning) }
            try StandardStream.output(rendered.data)
            return
        }
        let directory: String
        var singleFile: String?
        if let output {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
            if single, !output.hasSuffix("/"), !(exists && isDirectory.boolValue) {
                singleFile = output
                directory = PathText.parent(output)
            } else {
                directory = output
            }
        } else {
            directory = file == "-" ? "." : PathText.parent(file)
        }
        var outputs: [(path: String, data: Data)] = []
        for (stage, format) in jobs {
            let rendered: RenderedDiagram
            do {
                rendered = try renderer.render(stage, format: format)
            } catch let error as CustomStringConvertible where !(error is TopologyInputError) {
                throw CommandFailure.input("\(topology.file) (stage \(stage.stage.name)): \(error.description)")
            }
            if !quiet { rendered.warnings.forEach(DiagnosticPrinter.standardError.printWarning) }
            let name = ArtifactNaming.fileName(topology: topology.metadata.name, stage: stage.stage.name, fileExtension: format.fileExtension)
            outputs.append((singleFile ?? PathText.join(directory, name), rendered.data))
        }
        if page {
            let name = "\(topology.metadata.name).\(RenderFormat.html.fileExtension)"
            outputs.append((singleFile ?? PathText.join(directory, name), try htmlPage(topology, graphviz: graphviz)))
        }
        let contained = OutputWriter(overwriteUnmarked: force, root: singleFile == nil && !directory.isEmpty ? directory : nil)
        for (path, data) in outputs {
            let outcome = try PhaseTiming.measure("write \(path)") { try contained.write(data, to: path) }
            if !quiet { DiagnosticPrinter.standardError.printNote("\(outcome == .unchanged ? "unchanged" : "wrote") \(path)") }
        }
    }

    /// The interactive page: every stage, whatever --stage says, drawn as SVG is.
    private func htmlPage(_ topology: LoadedTopology, graphviz: GraphvizOptions) throws -> Data {
        do {
            return try HTMLPageBuilder(renderOptions: RenderOptions(direction: direction, view: view, graphviz: graphviz)).page(for: topology, source: topology.file)
        } catch let error as CustomStringConvertible where !(error is TopologyInputError) {
            throw CommandFailure.input("\(topology.file): \(error.description)")
        }
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
