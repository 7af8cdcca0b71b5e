import Foundation
import Yams
import TopographModel

/// Turns Yams' errors into positioned diagnostics with a hint a person can act on.
package struct YAMLErrorTranslator {
    let file: String
    let text: String

    package init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    package func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context, !context.text.isEmpty { message += " (\(context.text))" }
            return Diagnostic(.error, code: .yamlSyntax, message, at: location(mark.line, mark.column), help: hint(problem: problem, line: mark.line))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKey(duplicates.first ?? "", reportedLine: context.mark.line, reportedColumn: context.mark.column)
        case .reader(let problem, let offset, _, _):
            let data = Data(text.utf8)
            let (line, column) = TopologyParser.lineAndColumn(ofByte: min(offset ?? 0, data.count), in: data)
            return Diagnostic(.error, code: .yamlSyntax, "invalid YAML: \(problem)", at: location(line, column), help: "save the file as UTF-8 without control characters")
        default:
            return Diagnostic(.error, code: .yamlSyntax, "invalid YAML: \(error)", at: location(1, 1), help: "check the file with a YAML linter")
        }
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(1, line), column: max(1, column))
    }

    private func hint(problem: String, line: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if line >= 1, line <= lines.count, lines[line - 1].contains("\t") || problem.contains("cannot start any token") && text.contains("\t") {
            return "YAML does not allow tabs for indentation; indent with spaces"
        }
        if problem.contains("mapping values are not allowed") {
            return "a value containing ': ' must be quoted, or the line is indented too far"
        }
        if problem.contains("did not find expected key") || problem.contains("block end") {
            return "check the indentation of this line against the lines above it"
        }
        if problem.contains("undefined alias") {
            return "define the anchor (`&name`) before using the alias (`*name`)"
        }
        if problem.contains("expected a single document") {
            return "a topology file holds one YAML document; remove the extra `---`"
        }
        return "check quoting and indentation here; values starting with [ ] { } * & ! | > % @ or ` must be quoted"
    }

    /// Yams reports a duplicate key at the first occurrence (or the enclosing mapping);
    /// a person needs the second one, the line to delete or rename.
    private func duplicateKey(_ key: String, reportedLine: Int, reportedColumn: Int) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var occurrences: [(line: Int, column: Int)] = []
        let escaped = NSRegularExpression.escapedPattern(for: key)
        // The key is escaped, so both patterns always compile; if not, no position is found.
        let patterns = [#"^(\s*(?:-\s+)*)(["']?)"# + escaped + #"\2\s*:(\s|$)"#, #"([{,]\s*)(["']?)"# + escaped + #"\2\s*:(\s|$)"#]
        let regexes = patterns.compactMap { try? NSRegularExpression(pattern: $0) }
        for index in max(0, reportedLine - 1)..<lines.count {
            let lineText = lines[index]
            let range = NSRange(lineText.startIndex..., in: lineText)
            for regex in regexes {
                for match in regex.matches(in: lineText, range: range) {
                    guard let prefixRange = Range(match.range(at: 1), in: lineText) else { continue }
                    let column = lineText[lineText.startIndex..<prefixRange.upperBound].unicodeScalars.count + 1
                    occurrences.append((index + 1, column))
                }
            }
        }
        occurrences.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        // The second key at the same column as the first is the duplicate in block style;
        // in flow style both sit on one line.
        var duplicate: (line: Int, column: Int)?
        var first: (line: Int, column: Int)?
        if let head = occurrences.first {
            first = head
            duplicate = occurrences.dropFirst().first { $0.column == head.column || $0.line == head.line }
        }
        let at = duplicate ?? (reportedLine, reportedColumn)
        let firstLine = first.map { " (first written on line \($0.line))" } ?? ""
        return Diagnostic(
            .error, code: .duplicateKey, "duplicate key '\(key)'\(duplicate != nil ? firstLine : "")",
            at: location(at.line, at.column),
            help: "each key may appear once in a mapping; rename or merge the two entries")
    }
}
