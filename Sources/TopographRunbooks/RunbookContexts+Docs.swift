/// The variable table of Docs/runbooks.md, generated from the registered context types
/// (a test keeps the committed copy fresh).
extension RunbookContexts {
    package static func markdownTable() -> String {
        var lines: [String] = []
        for type in all {
            lines.append("#### `\(String(describing: type))`")
            lines.append("")
            lines.append("| field | holds |")
            lines.append("|---|---|")
            for (key, doc) in type.fieldDocs {
                lines.append("| `\(key)` | \(doc.replacingOccurrences(of: "|", with: "\\|")) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
