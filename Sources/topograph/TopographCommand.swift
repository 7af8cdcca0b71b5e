import ArgumentParser
import Foundation
import TopographCore

@main
struct TopographCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topograph",
        abstract: "Turn one YAML topology of an AWS architecture into diagrams, runbooks, lint findings and diffs.",
        discussion: """
            A topology file (format version 1, see Docs/format.md) describes resources, how they \
            nest (vpc > availability-zone > subnet > service) and connect, and the setup stages \
            (V1, V2, ...) the architecture goes through. Every command reads it the same way.

            Exit codes: 0 success, 1 findings (lint findings, stale docs, and a non-empty diff with \
            `diff --exit-code`; without it a diff exits 0), \
            2 usage or input error (every input error is printed as file:line:column).

            Examples:
              topograph validate Docs/examples/session-store.yaml
              topograph render Docs/examples/session-store.yaml --stage V2
              topograph render Docs/examples/session-store.yaml --all-stages -o out/
              topograph kinds
            """,
        version: TopographVersion.current,
        subcommands: commandList
    )

    /// Maps every error to the documented exit codes, including argument-parser's own
    /// usage errors (64 by default) which CI scripts expect as 2.
    static func main() {
        rejectUnknownCommand(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot()
            try command.run()
            try StandardStream.flushOutput()
        } catch {
            Self.exitMapped(error)
        }
    }

    static func exitMapped(_ error: Error) -> Never {
        // Findings or help printed to a standard output that cannot take them are lost:
        // that is an error (exit 2), whatever the command found.
        if !(error is StandardStream.WriteFailure) {
            do { try StandardStream.flushOutput() } catch { exitMapped(error) }
        }
        if let failure = error as? any TopographError {
            report(failure)
            Foundation.exit(failure.exitStatus.rawValue)
        }
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
            do { try StandardStream.flushOutput() } catch { exitMapped(error) }
            Foundation.exit(0)
        }
        if let exit = error as? ExitCode, exit != .validationFailure {
            if !message.isEmpty { StandardStream.error((message + "\n")) }
            Foundation.exit(exit.rawValue)
        }
        if code == .validationFailure {
            // argument-parser's usage errors (its own message, with usage).
            if !message.isEmpty { StandardStream.error((message + "\n")) }
            Foundation.exit(ExitStatus.inputError.rawValue)
        }
        // Anything else a command threw (the file system's errors, Graphviz's, a
        // template's) is an input or environment problem: exit 2 with the path and
        // the reason in plain words, never 1 (that means findings).
        DiagnosticPrinter.standardError.printError(PlainError.describe(error))
        Foundation.exit(ExitStatus.inputError.rawValue)
    }

    /// Positioned diagnostics as `file:line:column`, else the one-line message; an empty
    /// message means the command already reported what it found.
    private static func report(_ error: any TopographError) {
        if !error.diagnostics.isEmpty {
            DiagnosticPrinter.standardError.print(error.diagnostics)
        } else if !error.description.isEmpty {
            DiagnosticPrinter.standardError.printError(error.description)
        }
    }
}

extension TopographCommand {
    /// Every subcommand name, and `help`.
    static var commandNames: [String] {
        commandList.map { $0._commandName } + ["help"]
    }

    /// A misspelt subcommand (`topograph valdate`) or `topograph help nope` would otherwise get
    /// argument-parser's generic "unexpected argument" or, for help, the root help and exit
    /// 0: name the closest command and exit 2.
    static func rejectUnknownCommand(_ arguments: [String]) {
        guard let first = arguments.first, !first.hasPrefix("-") else { return }
        var word = first
        if first == "help" {
            guard arguments.count > 1, !arguments[1].hasPrefix("-") else { return }
            word = arguments[1]
        }
        guard !commandNames.contains(word) else { return }
        let known = commandNames.filter { $0 != "help" }
        let hint = Suggestions.didYouMean(word, in: known).map { " \($0)" } ?? ""
        DiagnosticPrinter.standardError.printError("unknown command '\(word)';\(hint) commands: \(known.joined(separator: ", ")) (topograph --help)")
        Foundation.exit(ExitStatus.inputError.rawValue)
    }
}

enum TopographVersion {
    static let current = "0.1.0"
}
