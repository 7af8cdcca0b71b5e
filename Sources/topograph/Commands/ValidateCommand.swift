import ArgumentParser
import Foundation
import TopographCore

/// How `validate` reports: lines for people, JSON for tools, annotations for GitHub.
enum ValidateFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
    case github
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check topology files: YAML, keys, kinds, attributes, references, containment, stages.",
        discussion: """
            Every error in every file is reported, as file:line:column with a hint. Exit 0 when \
            all files are valid, 2 when any is not. --format json prints one document (every \
            file, valid or not, with its diagnostics) on standard output; --format github prints \
            workflow commands that GitHub Actions shows as annotations on the files.

            Examples:
              topograph validate Docs/examples/session-store.yaml
              topograph validate topologies/*.yaml --format json
              cat arch.yaml | topograph validate -
            """)

    @Argument(help: ArgumentHelp("Topology files to check ('-' reads standard input).", valueName: "file"))
    var files: [String]

    @Option(help: "Output format: text, json or github.")
    var format: ValidateFormat = .text

    @Flag(name: .shortAndLong, help: "Print nothing for valid files.")
    var quiet = false

    @Flag(help: "Skip YAML files that do not declare `topograph:` (for hooks that see every YAML file).")
    var topologiesOnly = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one topology file") }
    }

    /// Version 1 of `validate --format json`; fields are only ever added.
    struct Report: Encodable {
        var version = 1
        var valid: Bool
        var files: [FileResult]
    }

    struct FileResult: Encodable {
        var file: String
        var valid: Bool
        var resources: Int?
        var stages: [String]
        var diagnostics: [DiagnosticJSON]
    }

    func run() throws {
        var results: [FileResult] = []
        for file in files {
            if topologiesOnly, file != "-", !DocsInputs.isTopologyFile(file) { continue }
            do {
                let topology = try InputLoading.load(file)
                let resources = Set(topology.stages.flatMap { $0.resources.map(\.id) }).count
                let stages = topology.document.stages.isEmpty ? [] : topology.stageNames
                results.append(FileResult(file: topology.file, valid: true, resources: resources, stages: stages, diagnostics: topology.warnings.map(DiagnosticJSON.init)))
                switch format {
                case .text:
                    if !quiet { DiagnosticPrinter.standardError.print(topology.warnings) }
                    if !quiet {
                        let described = stages.isEmpty ? "no stages" : "stages " + stages.joined(separator: ", ")
                        print("\(topology.file): ok (\(resources) resources, \(described))")
                    }
                case .github:
                    topology.warnings.forEach { print(GitHubAnnotation.command(for: $0)) }
                case .json:
                    break
                }
            } catch let error as TopologyInputError {
                results.append(FileResult(file: file == "-" ? "<stdin>" : file, valid: false, resources: nil, stages: [], diagnostics: error.diagnostics.map(DiagnosticJSON.init)))
                report(error.diagnostics)
            } catch let failure as TopographFailure {
                let diagnostic = Diagnostic(.error, code: .unreadableFile, failure.description, at: SourceLocation(file: file, line: 1, column: 1))
                results.append(FileResult(file: file, valid: false, resources: nil, stages: [], diagnostics: [DiagnosticJSON(diagnostic)]))
                if format == .text { DiagnosticPrinter.standardError.printError(failure.description) } else { report([diagnostic]) }
            }
        }
        let failed = results.contains { !$0.valid }
        if format == .json {
            try StandardStream.output(try JSONOutput.text(Report(valid: !failed, files: results)))
        }
        if failed { throw TopographFailure.inputReported }
    }

    /// Diagnostics of an invalid file: on standard error as text, and also as annotations
    /// on standard output with --format github (the runner reads workflow commands there).
    private func report(_ diagnostics: [Diagnostic]) {
        DiagnosticPrinter.standardError.print(diagnostics)
        if format == .github { diagnostics.forEach { print(GitHubAnnotation.command(for: $0)) } }
    }
}
