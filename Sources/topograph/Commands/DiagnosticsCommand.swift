import ArgumentParser
import TopographCore

struct DiagnosticsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnostics",
        abstract: "List the input diagnostic codes, or explain one.",
        discussion: """
            Examples:
              topograph diagnostics
              topograph diagnostics unknown-kind
              topograph diagnostics --markdown > Docs/diagnostics.md
            """)

    @Argument(help: ArgumentHelp("A code to explain, as printed in brackets.", valueName: "code"))
    var code: String?

    @Flag(help: "Print every code as Markdown (Docs/diagnostics.md).")
    var markdown = false

    func run() throws {
        if markdown {
            print(DiagnosticsDocument.markdown(), terminator: "")
            return
        }
        guard let code else {
            print(DiagnosticsDocument.table(), terminator: "")
            return
        }
        guard let known = DiagnosticCode(rawValue: code) else {
            let hint = Suggestions.didYouMean(code, in: DiagnosticCode.allCases.map(\.rawValue)).map { " \($0)" } ?? ""
            throw TopographFailure.input("unknown diagnostic code '\(code)';\(hint) run `topograph diagnostics` for the list")
        }
        print("\(known.rawValue): \(known.explanation)")
    }
}
