import ArgumentParser
import Foundation
import TopographCore

/// The help of `-o` in a command's words (a diagram, a runbook): see `StageWording` for
/// why the words are a type.
protocol OutputWording {
    static var output: String { get }
}

/// `-o PATH` and `--force`: where generated files go, and whether a file topograph did not
/// generate may be replaced.
struct OutputOptions<Wording: OutputWording>: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(Wording.output, valueName: "path"))
    var output: String?

    @Flag(help: "Overwrite output files even if topograph did not generate them.")
    var force = false

    /// `-o -` or no `-o`: the command prints instead of writing.
    var toStandardOutput: Bool { output == nil || output == StandardOutputPath.name }

    /// The writer for these options; `root` is the directory every path must stay inside.
    func writer(root: String? = nil) -> OutputWriter {
        OutputWriter(overwriteUnmarked: force, root: root)
    }

    /// Writes `files`, saying `wrote` or `unchanged` for each unless `quiet`.
    func write(_ files: [GeneratedFile], root: String?, quiet: Bool) throws {
        let contained = writer(root: root)
        for file in files {
            let outcome = try PhaseTiming.measure("write \(file.path)") { try contained.write(file.data, to: file.path) }
            if !quiet { DiagnosticPrinter.standardError.printNote("\(outcome == .unchanged ? "unchanged" : "wrote") \(file.path)") }
        }
    }
}
