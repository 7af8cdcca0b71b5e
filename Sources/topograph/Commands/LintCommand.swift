import ArgumentParser
import Foundation
import TopographCore

extension LintFormat: ExpressibleByArgument {}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check topologies against AWS architecture rules (text, JSON or SARIF).",
        discussion: """
            Every stage is checked; a finding that holds in only some stages names them. Exit 1 \
            when an error-level finding is reported (or more warnings than --max-warnings), 2 on \
            input errors, 0 otherwise. `topograph rules` lists the rules.

            Examples:
              topograph lint Docs/examples/session-store.yaml
              topograph lint arch/*.yaml --format sarif > topograph.sarif
              topograph lint arch.yaml --stage V2 --max-warnings 0
              cat arch.yaml | topograph lint - --stdin-filename arch.yaml --format sarif
            """)

    @Argument(help: ArgumentHelp("Topology files ('-' reads standard input).", valueName: "file"))
    var files: [String]

    @OptionGroup var stage: StageOption<LintWording>

    @Option(help: "Output format: text, json, sarif, or github (workflow-command annotations).")
    var format: LintFormat = .text

    @Flag(name: .shortAndLong, help: "Print only findings and errors: no summary line in text output, no warnings while loading.")
    var quiet = false

    @Option(help: ArgumentHelp("Fail (exit 1) when there are more warnings than this.", valueName: "n"))
    var maxWarnings: Int?

    @Option(help: ArgumentHelp("The path to report standard input ('-') as, e.g. the file an editor or pre-commit hook piped in.", valueName: "path"))
    var stdinFilename: String?

    @Option(name: .customLong("rules-url"), help: ArgumentHelp("URL of Docs/lint-rules.md that SARIF's per-rule helpUri points into (default: Topograph's repository).", valueName: "url"))
    var rulesURL: String = SARIFLintReporter.defaultRulesURL

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one topology file") }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more, got \(maxWarnings)") }
        if stdinFilename != nil, !files.contains("-") { throw ValidationError("--stdin-filename names standard input; pass '-' as a file") }
        if let stdinFilename, stdinFilename.isEmpty || stdinFilename.contains(where: \.isNewline) {
            throw ValidationError("--stdin-filename must be a non-empty path on one line")
        }
        guard let url = URL(string: rulesURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil, url.fragment == nil else {
            throw ValidationError("--rules-url must be an absolute http(s) URL without a #fragment, got '\(rulesURL)'")
        }
    }

    func run() throws {
        var findings: [LintFinding] = []
        var inputErrors: [Diagnostic] = []
        // One bad file must not hide the findings of the others: report it, lint the rest,
        // and exit 2 at the end.
        for file in files {
            do {
                let topology = try InputLoading.load(file, stdinName: stdinFilename)
                if !quiet { DiagnosticPrinter.standardError.print(topology.warnings) }
                let stages = stage.stage == nil ? nil : [try stage.select(topology)]
                findings += Linter().lint(topology, stages: stages).findings
            } catch let error as TopologyInputError {
                // Errors only: warnings of a file that failed are noise next to its errors.
                let errors = error.diagnostics.filter { $0.severity == .error }
                inputErrors += errors.isEmpty ? error.diagnostics : errors
                DiagnosticPrinter.standardError.print(error.diagnostics)
            } catch let failure as TopographFailure {
                inputErrors.append(Diagnostic(.error, code: .unknownStage, failure.description, at: SourceLocation(file: file, line: 1, column: 1)))
                DiagnosticPrinter.standardError.printError(failure.description)
            }
        }
        let report = LintReport(findings: findings, inputErrors: inputErrors)
        let output = format == .text && quiet
            ? LintReporter.text(report, summary: false)
            : try LintReporter.render(report, format: format, toolVersion: TopographVersion.current, rulesURL: rulesURL)
        print(output, terminator: "")
        if !inputErrors.isEmpty { throw TopographFailure.inputReported }
        if report.errorCount > 0 { throw TopographFailure.findings() }
        if let maxWarnings, report.warningCount > maxWarnings {
            throw TopographFailure.findings("\(report.warningCount) warnings, more than --max-warnings \(maxWarnings)")
        }
    }
}

/// `lint`'s words for the shared options.
enum LintWording: StageWording {
    static let stage = "Lint this stage only."
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint rules, or show one rule's rationale, fix and examples.",
        discussion: """
            Examples:
              topograph rules
              topograph rules http-api-path-mapping
              topograph rules --markdown > Docs/lint-rules.md
            """)

    @Argument(help: ArgumentHelp("A rule id.", valueName: "id"))
    var id: String?

    @Flag(help: "Print every rule as Markdown (Docs/lint-rules.md).")
    var markdown = false

    @Flag(name: .shortAndLong, help: "Accepted as on every command; this one prints only what was asked for.")
    var quiet = false

    func run() throws {
        if markdown {
            print(LintRulesPage.markdown(), terminator: "")
        } else if let id {
            guard let description = LintRegistry.description(id) else {
                let hint = Suggestions.didYouMean(id, in: LintRegistry.allDescriptions.map(\.id)).map { " \($0)" } ?? ""
                throw TopographFailure.input("unknown rule '\(id)';\(hint) run `topograph rules` for the list")
            }
            print(LintRulesDocument.detail(description), terminator: "")
        } else {
            print(LintRulesDocument.table(), terminator: "")
        }
    }
}
