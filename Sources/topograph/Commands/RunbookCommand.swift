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

    @Option(help: "Write the runbook of this stage only.")
    var stage: String?

    @Flag(help: "Write every stage's runbook and the migration runbooks between them.")
    var allStages = false

    @Option(help: ArgumentHelp("A directory of templates (<name>.mustache) replacing the defaults of the same name: \(RunbookRenderer.templateNames.joined(separator: ", ")).", valueName: "dir"))
    var templates: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file, or directory for several runbooks.", valueName: "path"))
    var output: String?

    @Flag(help: "Overwrite output files even if topograph did not generate them.")
    var force = false

    @Flag(name: .shortAndLong, help: "No `wrote FILE` lines.")
    var quiet = false

    func validate() throws {
        if stage != nil && allStages { throw ValidationError("--stage and --all-stages cannot be used together") }
    }

    func run() throws {
        let topology = try InputLoading.load(file)
        let stages = try InputLoading.select(topology, stage: stage, all: allStages)
        let renderer: RunbookRenderer
        do {
            renderer = try RunbookRenderer(overrides: templates)
        } catch let error as RunbookRenderer.TemplateError {
            throw CommandFailure.input(error.description)
        }
        let set = RunbookSet(renderer: renderer)
        let writer = OutputWriter(overwriteUnmarked: force)
        if output == StandardOutput.name, stages.count != 1 {
            throw CommandFailure.input("-o - writes one runbook to standard output; give --stage NAME, or a directory for \(stages.count) stages")
        }
        let toStandardOutput = output == nil || output == StandardOutput.name
        if stages.count == 1, toStandardOutput || !(output!.hasSuffix("/") || isDirectory(output!)) {
            let existing = toStandardOutput ? nil : output.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
            let text = try set.stageRunbook(stages[0], existing: existing)
            if let output, !toStandardOutput {
                try writer.write(text, to: output)
                if !quiet { DiagnosticPrinter.standardError.printNote("wrote \(output)") }
            } else {
                print(text, terminator: "")
            }
            return
        }
        let directory = output ?? (file == "-" ? "." : PathText.parent(file))
        func path(_ name: String) -> String { PathText.join(directory, name) }
        let files = try set.files(for: stages) { name in try? String(contentsOfFile: path(name), encoding: .utf8) }
        let contained = OutputWriter(overwriteUnmarked: force, root: directory.isEmpty ? nil : directory)
        for file in files {
            let outcome = try contained.write(file.data, to: path(file.path))
            if !quiet { DiagnosticPrinter.standardError.printNote("\(outcome == .unchanged ? "unchanged" : "wrote") \(path(file.path))") }
        }
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
