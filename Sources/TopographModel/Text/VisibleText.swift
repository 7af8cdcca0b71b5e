/// Text echoed back to a terminal, a CI log or a JSON report, with every character that
/// could act instead of show written as `\u{1B}`: C0 and C1 controls (ESC clears a
/// terminal; CR and LF forge a GitHub `::error` annotation or a log line), DEL, and the
/// invisible format characters (bidi overrides that reorder what is read, zero-width
/// spaces, the BOM, line and paragraph separators). Joiners stay: emoji need them.
package enum VisibleText {
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Plain-text output for a terminal or a CI log, the one way every text format ends:
    /// each of our lines with whatever it quotes escaped (a template value's newline can then
    /// never start a line of its own, such as a GitHub `::error` workflow command), joined
    /// by newlines, with a final one.
    package static func lines(_ lines: [String]) -> String {
        lines.isEmpty ? "" : lines.map(escaped).joined(separator: "\n") + "\n"
    }

    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\u{200C}" || scalar == "\u{200D}" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: return true
        default: return false
        }
    }
}
