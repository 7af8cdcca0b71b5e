import TopographModel
import TopographDiagram

/// `DocumentDiff` -> plain text for a terminal: one line per change, signs as in `git diff
/// --stat`-like tools (+ added, - removed, ~ changed, > moved, = renamed).
enum DiffText {
    static func render(_ diff: DocumentDiff) -> String {
        var lines = ["\(diff.oldSource) -> \(diff.newSource)", DiffRenderer.summary(diff)]
        for change in diff.document {
            lines.append("  ~ document " + DiffWords.attribute(change, .text))
        }
        for group in diff.groups where !group.diff.isEmpty {
            if let heading = heading(group, pairs: diff.pairs.count) { lines.append(heading + ":") }
            lines += changeLines(group.diff)
        }
        for stage in diff.stagesAdded {
            lines.append("stage \(stage.name) added" + (stage.base.map { " (against \($0))" } ?? "") + ":")
            lines += changeLines(stage.diff)
        }
        for rename in diff.stagesRenamed { lines.append("stage \(rename.old) renamed to \(rename.new)") }
        if !diff.stagesRemoved.isEmpty { lines.append("stages removed: " + diff.stagesRemoved.joined(separator: ", ")) }
        return VisibleText.lines(lines)
    }

    static func heading(_ group: DocumentDiff.ChangeGroup, pairs: Int) -> String? {
        if group.stages == [StageInfo.defaultName] { return nil }
        if group.allStages && pairs > 1 { return "all stages (\(group.stages.joined(separator: ", ")))" }
        return (group.stages.count == 1 ? "stage " : "stages ") + group.stages.joined(separator: ", ")
    }

    static func changeLines(_ diff: TopologyDiff) -> [String] {
        var lines: [String] = []
        for change in diff.resources {
            let sign: String
            switch change.kind {
            case .added: sign = "+"
            case .removed: sign = "-"
            case .changed: sign = "~"
            case .moved: sign = ">"
            case .renamed: sign = "="
            }
            let detail = DiffWords.details(change, .text)
            let label = change.changeClass == .documentation ? "docs" : change.kind.rawValue
            lines.append("  \(sign) \(label) \(change.id) (\(change.resourceKind))\(detail.isEmpty ? "" : ": " + detail)")
        }
        for change in diff.connections {
            let sign = change.kind == .added ? "+" : change.kind == .removed ? "-" : "~"
            let detail = DiffWords.connectionDetails(change, .text)
            let label = change.changeClass == .documentation ? "docs" : "connection"
            lines.append("  \(sign) \(label) \(change.endpoints)\(detail.isEmpty ? "" : ": " + detail)")
        }
        return lines
    }
}
