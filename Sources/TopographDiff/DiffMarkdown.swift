import TopographModel

/// `DocumentDiff` -> Markdown for a PR comment: summary, document-level changes, one table
/// set per group of stages, added stages, documentation-only changes, and one diagram.
/// Every value written by a user goes through `MarkdownText` (a code span, or escaped
/// prose), so no label, tag or attribute can open HTML, a link or a comment.
enum DiffMarkdown {
    static func render(_ diff: DocumentDiff, mermaid: (DocumentDiff) -> String?) -> String {
        var lines = [DiffReport.commentMarker, "### Architecture diff", "",
                     "\(MarkdownText.codeSpan(diff.oldSource)) → \(MarkdownText.codeSpan(diff.newSource))", "",
                     "**\(DiffReport.summary(diff))**"]  // counts and fixed words only
        let architecture = diff.document.filter { $0.changeClass == .architecture }
        if !architecture.isEmpty {
            lines += ["", "#### Document", "", "| field | old | new |", "|---|---|---|"]
            for change in architecture {
                lines.append("| \(cell(MarkdownText.codeSpan(change.path))) | \(cell(DiffWords.value(change.old, .markdown))) | \(cell(DiffWords.value(change.new, .markdown))) |")
            }
        }
        for group in diff.groups {
            let shown = TopologyDiff(
                resources: group.diff.resources.filter { $0.changeClass == .architecture },
                connections: group.diff.connections.filter { $0.changeClass == .architecture })
            guard !shown.isEmpty else { continue }
            lines += ["", "#### " + heading(group, pairs: diff.pairs.count), ""]
            lines += tables(shown)
        }
        for stage in diff.stagesAdded {
            let against = stage.base.map { ", against \(MarkdownText.codeSpan($0))" } ?? ""
            lines += ["", "#### Stage \(MarkdownText.codeSpan(stage.name)) (new\(against))", ""]
            lines += stage.diff.isEmpty ? ["No changes against the stage before it."] : tables(stage.diff)
        }
        if !diff.stagesRemoved.isEmpty {
            lines += ["", "Stages removed: " + diff.stagesRemoved.map(MarkdownText.codeSpan).joined(separator: ", ")]
        }
        if !diff.stagesRenamed.isEmpty {
            lines += ["", "Stages renamed: " + diff.stagesRenamed.map { "\(MarkdownText.codeSpan($0.old)) → \(MarkdownText.codeSpan($0.new))" }.joined(separator: ", ")]
        }
        lines += documentation(diff)
        if let stage = diff.diagramStage, !stage.diff.ignoringDocumentation().isEmpty, let source = mermaid(diff) {
            let title = stage.name == StageInfo.defaultName ? "the new version" : "stage \(MarkdownText.codeSpan(stage.name))"
            lines += ["", "Changed elements of \(title) and their neighbours:", "",
                      "<details open><summary>Diagram: added green, changed amber, renamed blue, moved violet, removed dashed red</summary>", "",
                      MarkdownText.fence(source.trimmingCharacters(in: .newlines), info: "mermaid"), "", "</details>"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func heading(_ group: DocumentDiff.ChangeGroup, pairs: Int) -> String {
        if group.stages == [StageInfo.defaultName] { return "Changes" }
        let names = group.stages.map(MarkdownText.codeSpan).joined(separator: ", ")
        if group.allStages && pairs > 1 { return "All stages (\(names))" }
        return (group.stages.count == 1 ? "Stage " : "Stages ") + names
    }

    /// A table cell: a code span keeps `|` only escaped (GFM splits cells first).
    static func cell(_ markdown: String) -> String {
        markdown.replacingOccurrences(of: "|", with: "\\|")
    }

    static func tables(_ diff: TopologyDiff) -> [String] {
        var lines: [String] = []
        if !diff.resources.isEmpty {
            lines += ["| change | resource | kind | details |", "|---|---|---|---|"]
            for change in diff.resources {
                lines.append("| \(change.kind.rawValue) | \(cell(MarkdownText.codeSpan(change.id))) | \(MarkdownText.inline(change.resourceKind.rawValue)) | \(cell(DiffWords.details(change, .markdown))) |")
            }
            lines.append("")
        }
        if !diff.connections.isEmpty {
            lines += ["| change | connection | details |", "|---|---|---|"]
            for change in diff.connections {
                lines.append("| \(change.kind.rawValue) | \(cell(MarkdownText.codeSpan(change.endpoints))) | \(cell(DiffWords.connectionDetails(change, .markdown))) |")
            }
            lines.append("")
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Documentation-only changes, in a section of their own (`--ignore docs` drops them).
    static func documentation(_ diff: DocumentDiff) -> [String] {
        var rows: [String] = []
        for change in diff.document where change.changeClass == .documentation {
            rows.append("| \(cell(MarkdownText.codeSpan(change.path))) | document | | \(cell(DiffWords.attribute(change, .markdown))) |")
        }
        for group in diff.groups {
            let stages = group.stages == [StageInfo.defaultName] ? "" : (group.allStages && diff.pairs.count > 1 ? "all" : group.stages.map(MarkdownText.codeSpan).joined(separator: ", "))
            for change in group.diff.resources where change.changeClass == .documentation {
                rows.append("| \(cell(MarkdownText.codeSpan(change.id))) | \(MarkdownText.inline(change.resourceKind.rawValue)) | \(cell(stages)) | \(cell(DiffWords.details(change, .markdown))) |")
            }
            for change in group.diff.connections where change.changeClass == .documentation {
                rows.append("| \(cell(MarkdownText.codeSpan(change.endpoints))) | connection | \(cell(stages)) | \(cell(DiffWords.connectionDetails(change, .markdown))) |")
            }
        }
        guard !rows.isEmpty else { return [] }
        return ["", "#### Documentation only", "", "| element | kind | stages | details |", "|---|---|---|---|"] + rows
    }
}
