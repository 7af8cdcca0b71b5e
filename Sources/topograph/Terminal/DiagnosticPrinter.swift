import Foundation
import TopographCore

/// Prints diagnostics as `file:line:col: error: message [code]` plus a `help:` line,
/// coloured only on a terminal that can show it (see `TerminalStyle`).
struct DiagnosticPrinter {
    let handle: FileHandle
    let colour: Bool

    static var standardError: DiagnosticPrinter {
        DiagnosticPrinter(handle: .standardError, colour: TerminalStyle.allowsEscapes(descriptor: 2) && TerminalStyle.colourWanted())
    }

    func print(_ diagnostics: [Diagnostic]) {
        var text = ""
        for diagnostic in diagnostics {
            var line = ""
            if let location = diagnostic.location { line += "\(location): " }
            line += paint(diagnostic.severity.rawValue + ":", diagnostic.severity == .error ? "31" : diagnostic.severity == .warning ? "33" : "36")
            line += " \(diagnostic.message) [\(diagnostic.code)]"
            text += line + "\n"
            if let help = diagnostic.help { text += "  " + paint("help:", "32") + " \(help)\n" }
        }
        write(Data(text.utf8))
    }

    func printError(_ message: String) {
        write(Data((paint("error:", "31") + " \(VisibleText.escaped(message))\n").utf8))
    }

    func printWarning(_ message: String) {
        write(Data((paint("warning:", "33") + " \(VisibleText.escaped(message))\n").utf8))
    }

    func printNote(_ message: String) {
        write(Data((message + "\n").utf8))
    }

    /// Best effort: a message standard error cannot take is dropped, never a trap.
    private func write(_ data: Data) {
        try? handle.write(contentsOf: data)
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[1;\(code)m\(text)\u{1B}[0m" : text
    }
}

/// When the terminal gets colour and cursor control. no-color.org: `NO_COLOR` set to any
/// non-empty value turns colour off (an empty one does not); `TERM=dumb` (Emacs shells, some
/// CI logs) cannot show escape sequences at all.
enum TerminalStyle {
    static func allowsEscapes(descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isatty(descriptor) == 1 && environment["TERM"] != "dumb"
    }

    static func colourWanted(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty
    }
}
