/// GitHub Actions workflow commands (`::error file=...,line=...,col=...,title=...::message`),
/// which the runner turns into annotations on the PR's files: the `--format github` of
/// validate, lint and check, for repositories without code scanning. The one escaper for
/// this target: the runner reads `%`, CR and LF as escapes in the message, and also `:` and
/// `,` in property values.
package enum GitHubAnnotation {
    package enum Level: String, Sendable {
        case error, warning, notice

        package init(_ severity: Severity) {
            switch severity {
            case .error: self = .error
            case .warning: self = .warning
            case .note: self = .notice
            }
        }
    }

    package static func command(
        _ level: Level, message: String, file: String? = nil, line: Int? = nil, column: Int? = nil, title: String? = nil
    ) -> String {
        var properties: [String] = []
        if let file { properties.append("file=\(escapeProperty(file))") }
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        if let title { properties.append("title=\(escapeProperty(title))") }
        let head = properties.isEmpty ? "::\(level.rawValue)" : "::\(level.rawValue) " + properties.joined(separator: ",")
        return head + "::" + escapeData(message)
    }

    /// The runner's own escapes for `%`, CR and LF (a message may span lines); every other
    /// control or invisible character (ESC, BEL, bidi overrides) as `VisibleText` shows it,
    /// since the runner would pass it to the log raw.
    package static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result += VisibleText.needsEscape(scalar) ? VisibleText.escaped(String(scalar)) : String(scalar)
            }
        }
        return result
    }

    package static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// A diagnostic as an annotation on its file (repository-relative when the file is in a
    /// git work tree, as the runner resolves paths against the checkout).
    package static func command(for diagnostic: Diagnostic) -> String {
        var message = diagnostic.message
        if let help = diagnostic.help { message += "\nhelp: \(help)" }
        return command(
            Level(diagnostic.severity), message: message, file: diagnostic.location.map { SourcePath.repositoryRelative($0.file) ?? $0.file },
            line: diagnostic.location?.line, column: diagnostic.location?.column, title: "topograph [\(diagnostic.code)]")
    }
}
