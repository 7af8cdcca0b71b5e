import Foundation
import TopographInput
import TopographModel
import Yams

/// CloudFormation deploys a template that writes a key twice in one mapping and keeps the
/// last one (`validate-template` accepts it, YAML and JSON alike; published templates do
/// it: a CachePolicy with two `Name:`s). Yams refuses such a document, so the template's
/// earlier entry is blanked (its lines kept as empty lines, so every position still holds)
/// and the text composed again, with a warning at the entry that CloudFormation ignores.
/// Only block-style entries that start their line are blanked; a flow-style duplicate
/// (`{a: 1, a: 2}`) stays an error.
enum LastKeyWins {
    /// More than this many duplicates is not a copy-paste slip; the error stands.
    static let maxRepairs = 64

    static func compose(_ text: String, file: String) throws -> (node: Node?, warnings: [Diagnostic]) {
        var text = text
        var warnings: [Diagnostic] = []
        while true {
            do {
                return (try Yams.compose(yaml: text, .basic), warnings)
            } catch let error as YamlError {
                let translator = YAMLErrorTranslator(file: file, text: text)
                guard warnings.count < maxRepairs, let found = translator.duplicateKey(in: error),
                      let first = found.first, let duplicate = found.duplicate, duplicate.line != first.line,
                      let blanked = blanking(entryAt: first.line, column: first.column, in: text) else {
                    throw TopologyInputError([translator.diagnostic(for: error)])
                }
                text = blanked
                warnings.append(Diagnostic(
                    .warning, code: .duplicateKey,
                    "duplicate key '\(found.key)': CloudFormation deploys the one on line \(duplicate.line) and ignores this one",
                    at: SourceLocation(file: file, line: first.line, column: first.column),
                    help: "delete one of the two entries"))
            }
        }
    }

    /// `text` with the block entry whose key starts at `line`:`column` blanked: the key's
    /// line and every following line indented deeper (or blank), up to the next line at the
    /// key's indentation or less. Nil when the key does not start its line.
    static func blanking(entryAt line: Int, column: Int, in text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let indent = column - 1
        let head = lines[line - 1]
        guard head.prefix(indent).allSatisfy({ $0 == " " }), head.count > indent, head.dropFirst(indent).first != " " else { return nil }
        lines[line - 1] = ""
        var index = line
        while index < lines.count {
            let current = lines[index]
            let content = current.drop { $0 == " " }
            let depth = current.count - content.count
            if !content.isEmpty, !content.hasPrefix("#"), depth <= indent { break }
            lines[index] = ""
            index += 1
        }
        return lines.joined(separator: "\n")
    }
}
