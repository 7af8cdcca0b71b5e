import Foundation
import TopographCore

/// Prints diagnostics as `file:line:col: error: message [code]` plus a `help:` line,
/// coloured only on a terminal and when NO_COLOR is unset.
struct DiagnosticPrinter {
    let handle: FileHandle
    let colour: Bool

    static var standardError: DiagnosticPrinter {
        DiagnosticPrinter(handle: .standardError, colour: isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
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
        handle.write(Data(text.utf8))
    }

    func printError(_ message: String) {
        handle.write(Data((paint("error:", "31") + " \(VisibleText.escaped(message))\n").utf8))
    }

    func printWarning(_ message: String) {
        handle.write(Data((paint("warning:", "33") + " \(VisibleText.escaped(message))\n").utf8))
    }

    func printNote(_ message: String) {
        handle.write(Data((message + "\n").utf8))
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[1;\(code)m\(text)\u{1B}[0m" : text
    }
}
