import ArgumentParser
import Foundation
import TopographCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check topology files: YAML, keys, kinds, attributes, references, containment, stages.",
        discussion: """
            Every error in every file is reported, as file:line:column with a hint. Exit 0 when \
            all files are valid, 2 when any is not.

            Examples:
              topograph validate Docs/examples/session-store.yaml
              topograph validate topologies/*.yaml
              cat arch.yaml | topograph validate -
            """)

    @Argument(help: ArgumentHelp("Topology files to check ('-' reads standard input).", valueName: "file"))
    var files: [String]

    @Flag(name: .shortAndLong, help: "Print nothing for valid files.")
    var quiet = false

    @Flag(help: "Skip YAML files that do not declare `topograph:` (for hooks that see every YAML file).")
    var topologiesOnly = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one topology file") }
    }

    func run() throws {
        var failed = false
        for file in files {
            if topologiesOnly, file != "-", !DocsInputs.isTopologyFile(file) { continue }
            do {
                let topology = try InputLoading.load(file)
                DiagnosticPrinter.standardError.print(topology.warnings)
                if !quiet {
                    let resources = Set(topology.stages.flatMap { $0.resources.map(\.id) }).count
                    let stages = topology.document.stages.isEmpty ? "no stages" : "stages " + topology.stageNames.joined(separator: ", ")
                    print("\(topology.file): ok (\(resources) resources, \(stages))")
                }
            } catch let error as TopologyInputError {
                failed = true
                DiagnosticPrinter.standardError.print(error.diagnostics)
            } catch let failure as CommandFailure {
                failed = true
                DiagnosticPrinter.standardError.printError(failure.message)
            }
        }
        if failed { throw CommandFailure(status: ExitStatus.inputError, message: "") }
    }
}
