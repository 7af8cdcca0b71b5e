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

    @OptionGroup var stages: StageSelection<RenderWording>

    @Option(help: "Layout direction: LR (left to right) or TB (top to bottom). Default: LR for Graphviz; for Mermaid TB, or LR when only that fits GitHub's column (~2000 px).")
    var direction: DiagramDirection?

    @Option(help: ArgumentHelp("full, collapsed (repeated kinds merged), or auto: full unless it would exceed Mermaid's limits or, for Mermaid, ~2000 px in both directions (SVG: above 60 nodes).", valueName: "view"))
    var view: DiagramView = .auto

    @Option(help: ArgumentHelp("Graphviz edge routing: spline, polyline or ortho (ortho only up to \(GraphvizOptions.orthoLimit) edges; it takes minutes on large graphs).", valueName: "routing"))
    var splines: EdgeRouting = .spline

    @OptionGroup var icons: IconOptions<RenderWording>

    @Flag(help: "Leave the legend of kinds out of Graphviz diagrams.")
    var noLegend = false

    @OptionGroup var output: OutputOptions<RenderWording>

    @Flag(name: .shortAndLong, help: "No warnings and no `wrote FILE` lines; errors only.")
    var quiet = false

    func run() throws {
        let formats = format.isEmpty ? [RenderFormat.mermaid] : format.flatMap(\.formats).uniqued()
        let topology = try InputLoading.load(file)
        if !quiet { DiagnosticPrinter.standardError.print(topology.warnings) }
        let stages = try self.stages.select(topology)
        let source = try icons.checkedSource(needed: formats.contains { $0 != .mermaid })
        let rendering = TopologyRendering(topology, formats: formats, direction: direction, view: view, graphviz: GraphvizOptions(routing: splines, icons: source, legend: !noLegend))
        let warn: (String) -> Void = { if !quiet { DiagnosticPrinter.standardError.printWarning($0) } }
        switch try rendering.outputs(stages: stages, output: output.output, input: file, warning: warn) {
        case .standardOutput(let data):
            try StandardStream.output(data)
        case .files(let files, let root):
            try output.write(files, root: root, quiet: quiet)
        }
    }
}

/// `render`'s words for the shared options.
enum RenderWording: StageSelectionWording, IconWording, OutputWording {
    static let stage = "Draw this stage only."
    static let allStages = "Draw every stage."
    static let icons = "Icons for SVG and PNG: AWS's Asset Package folder as downloaded, PyPI diagrams' resources folder, or your own <kind>.svg/.png. Default: $TOPOGRAPH_ICONS, else the AWS icons of the diagrams package the set-up installs."
    static let noIcons = "Draw Graphviz diagrams with coloured shapes instead of AWS icons."
    static let withoutIcons = "drawing shapes"
    static let output = "Output file, or directory when there are several outputs."
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
