import ArgumentParser
import Foundation
import TopographCore

struct RunbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbook",
        abstract: "Write the operational runbook of each setup stage, and migration runbooks between stages.",
        discussion: """
            A stage runbook holds the commands that set up and check what the stage has: ECS Exec, \
            Redis session checks, HTTP API / VPC link / Cloud Map, the REST API private \
            integration, load balancer health checks, a load test, autoscaling. With --all-stages \
            each pair of consecutive stages also gets a migration runbook. Text between \
            `<!-- topograph:keep NAME -->` and `<!-- /topograph:keep -->` in an existing runbook is \
            carried into the new one.

            Examples:
              topograph runbook arch.yaml --stage V1
              topograph runbook arch.yaml --all-stages -o docs/runbooks/
              topograph runbook arch.yaml --templates my-templates/   # override by name
            """)

    @Argument(help: ArgumentHelp("The topology file ('-' reads standard input).", valueName: "file"))
    var file: String

    @OptionGroup var stages: StageSelection<RunbookWording>

    @Option(help: ArgumentHelp("A directory of templates (<name>.mustache) replacing the defaults of the same name: \(RunbookRenderer.templateNames.joined(separator: ", ")).", valueName: "dir"))
    var templates: String?

    @OptionGroup var output: OutputOptions<RunbookWording>

    @Flag(name: .shortAndLong, help: "No `wrote FILE` lines.")
    var quiet = false

    func run() throws {
        let topology = try InputLoading.load(file)
        let stages = try self.stages.select(topology)
        let set = RunbookSet(renderer: try RunbookRenderer(overrides: templates))
        let path = output.output
        if path == StandardOutputPath.name, stages.count != 1 {
            throw TopographFailure.input("-o - writes one runbook to standard output; give --stage NAME, or a directory for \(stages.count) stages")
        }
        if stages.count == 1, let target = output.toStandardOutput ? nil : path, !(target.hasSuffix("/") || isDirectory(target)) {
            try output.writer().write(try set.stageRunbook(stages[0], existing: try? String(contentsOfFile: target, encoding: .utf8)), to: target)
            if !quiet { DiagnosticPrinter.standardError.printNote("wrote \(target)") }
            return
        }
        if stages.count == 1, output.toStandardOutput {
            print(try set.stageRunbook(stages[0], existing: nil), terminator: "")
            return
        }
        let directory = path ?? (file == StandardOutputPath.name ? "." : PathText.parent(file))
        func inDirectory(_ name: String) -> String { PathText.join(directory, name) }
        let files = try set.files(for: stages) { name in try? String(contentsOfFile: inDirectory(name), encoding: .utf8) }
        try output.write(files.map { GeneratedFile(path: inDirectory($0.path), data: $0.data) }, root: directory.isEmpty ? nil : directory, quiet: quiet)
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// `runbook`'s words for the shared options.
enum RunbookWording: StageSelectionWording, OutputWording {
    static let stage = "Write the runbook of this stage only."
    static let allStages = "Write every stage's runbook and the migration runbooks between them."
    static let output = "Output file, or directory for several runbooks."
}
