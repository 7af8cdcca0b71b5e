import ArgumentParser
import Foundation
import TopographCore

/// What `generate` and `check` share: which topologies, where the tree goes, which outputs.
struct DocsOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Topology files, directories (searched for YAML files with `topograph:`) or glob patterns. Default: the `inputs` of topograph.yml.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The docs directory. Default: topograph.yml's `output`, else docs/architecture.", valueName: "dir"))
    var output: String?

    @Option(help: ArgumentHelp("The configuration file.", valueName: "file"))
    var config: String = DocsConfig.fileName

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Outputs to build (default: all): \(DocsEmitters.ids.joined(separator: ", ")).", valueName: "output"))
    var outputs: [String] = []

    @Flag(name: .shortAndLong, help: "No progress line and no per-file lines.")
    var quiet = false

    @OptionGroup var icons: IconOptions<DocsWording>

    struct Resolved {
        var sources: [String]
        /// The configuration file's folder, when one is in use: generated files name
        /// topology files relative to it.
        var base: String?
        var output: String
        var emitters: [any DocsEmitter]
    }

    func resolve() throws -> Resolved {
        var configuration = DocsConfig()
        let configGiven = config != DocsConfig.fileName
        if FileManager.default.fileExists(atPath: config) {
            configuration = try DocsConfigParser().parse(path: config, knownOutputs: DocsEmitters.ids)
        } else if configGiven {
            throw TopographFailure.input("\(config): no such configuration file")
        }
        let patterns = paths.isEmpty ? configuration.inputs : paths
        guard !patterns.isEmpty else {
            throw TopographFailure.input("no topology files: give paths, or list them as `inputs:` in \(DocsConfig.fileName)")
        }
        let sources = try DocsInputs.resolve(patterns)
        guard !sources.isEmpty else { throw TopographFailure.input("no topology files found in \(patterns.joined(separator: ", "))") }
        let wanted = outputs.isEmpty ? (configuration.outputs ?? DocsEmitters.ids) : outputs.flatMap { $0.split(separator: ",").map(String.init) }
        for name in wanted where !DocsEmitters.ids.contains(name) {
            let hint = Suggestions.didYouMean(name, in: DocsEmitters.ids).map { " \($0)" } ?? ""
            throw TopographFailure.input("unknown output '\(name)';\(hint) outputs are: \(DocsEmitters.ids.joined(separator: ", "))")
        }
        let emitters = DocsEmitters.all.filter { wanted.contains($0.id) }
        if output == StandardOutputPath.name {
            throw TopographFailure.input("-o takes a directory here: a docs tree is many files, it cannot go to standard output")
        }
        let base = FileManager.default.fileExists(atPath: config) ? PathText.parent(config) : nil
        return Resolved(sources: sources, base: base.map { $0.isEmpty ? "." : $0 }, output: output ?? configuration.output ?? "docs/architecture", emitters: emitters)
    }
}

extension DocsOptions {
    /// Resolves the inputs and builds the whole tree in memory, with a progress line on a
    /// terminal: what `generate` writes and `check` compares.
    func buildTree() throws -> (Resolved, DocsTreeSync, DocsTreeBuilder.Tree) {
        let resolved = try resolve()
        let sync = DocsTreeSync(root: resolved.output)
        let progress = ProgressLine(quiet: quiet)
        let iconSource = try icons.checkedSource(needed: !quiet)
        let tree = DocsTreeBuilder(emitters: resolved.emitters, icons: iconSource).build(
            sources: resolved.sources, base: resolved.base, anchor: URL(fileURLWithPath: resolved.output).standardizedFileURL.deletingLastPathComponent().path,
            existing: { path in sync.read(path).map { String(decoding: $0, as: UTF8.self) } },
            progress: { progress.update($0, $1, $2) })
        progress.finish()
        return (resolved, sync, tree)
    }
}

/// `generate`'s and `check`'s words for the shared options.
enum DocsWording: IconWording {
    static let icons = "AWS icons for the SVG diagrams: AWS's Asset Package folder as downloaded, PyPI diagrams' resources/, or <kind>.svg|png files. Default: TOPOGRAPH_ICONS, else the diagrams package scripts/setup.sh installs."
    static let noIcons = "Draw the SVG diagrams with coloured shapes instead of AWS icons (the same choice for generate and check)."
    static let withoutIcons = "the SVG diagrams use shapes"
}

/// A one-line progress display on a terminal; silent otherwise.
final class ProgressLine: Sendable {
    private let enabled: Bool
    /// Parallel builders report at once; one line is written at a time.
    private let writing = Locked(())

    init(quiet: Bool) {
        enabled = !quiet && TerminalStyle.allowsEscapes(descriptor: 2)
    }

    func update(_ done: Int, _ total: Int, _ item: String) {
        guard enabled else { return }
        writing.withLock { _ in StandardStream.error("\r\u{1B}[K[\(done)/\(total)] \(item)") }
    }

    func finish() {
        guard enabled else { return }
        StandardStream.error("\r\u{1B}[K")
    }
}

extension DocsTreeBuilder.Tree {
    /// Prints the failures (with positions) and says whether there were any.
    func reportFailures() -> Bool {
        for failure in failures {
            if failure.diagnostics.isEmpty {
                DiagnosticPrinter.standardError.printError(failure.message)
            } else {
                DiagnosticPrinter.standardError.print(failure.diagnostics)
            }
        }
        return !failures.isEmpty
    }
}
