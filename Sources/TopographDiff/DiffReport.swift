import TopographModel

/// `DocumentDiff` -> Markdown for a PR comment, versioned JSON or plain text, and the
/// counts and sentences the runbooks share. The diagram is not drawn here: TopographDiagram's
/// `DiffRenderer` draws it and hands the Markdown its Mermaid block.
package enum DiffReport {
    /// The hidden first line a CI job looks for to update its one PR comment.
    package static let commentMarker = "<!-- topograph-diff -->"

    package static func json(_ diff: DocumentDiff) throws -> String { try DiffJSON.render(diff) }
    package static func text(_ diff: DocumentDiff) -> String { DiffText.render(diff) }
    /// `mermaid` draws the changed stage, called only when the Markdown shows a diagram.
    package static func markdown(_ diff: DocumentDiff, mermaid: (DocumentDiff) -> String? = { _ in nil }) -> String {
        DiffMarkdown.render(diff, mermaid: mermaid)
    }

    // MARK: - Counting

    /// Distinct changes by class and kind, across all groups (a change in three stages
    /// counts once).
    struct Counts {
        var resources: [ResourceChange.Kind: Int] = [:]
        var connections: [ConnectionChange.Kind: Int] = [:]
        var documentation = 0
        var document: [String] = []

        init(_ diff: DocumentDiff) {
            for group in diff.groups {
                for change in group.diff.resources {
                    if change.changeClass == .documentation { documentation += 1 } else { resources[change.kind, default: 0] += 1 }
                }
                for change in group.diff.connections {
                    if change.changeClass == .documentation { documentation += 1 } else { connections[change.kind, default: 0] += 1 }
                }
            }
            for change in diff.document {
                if change.changeClass == .documentation { documentation += 1 } else { document.append(change.path) }
            }
        }
    }

    /// One line: "document: region · resources: 1 added, 2 changed · connections: 1 added
    /// · stages: 1 added · docs: 2 changes".
    package static func summary(_ diff: DocumentDiff) -> String {
        let counts = Counts(diff)
        var parts: [String] = []
        if !counts.document.isEmpty { parts.append("document: " + counts.document.joined(separator: ", ")) }
        let resources = ResourceChange.Kind.allCases.compactMap { kind in counts.resources[kind].map { "\($0) \(kind.rawValue)" } }
        if !resources.isEmpty { parts.append("resources: " + resources.joined(separator: ", ")) }
        let connections = ConnectionChange.Kind.allCases.compactMap { kind in counts.connections[kind].map { "\($0) \(kind.rawValue)" } }
        if !connections.isEmpty { parts.append("connections: " + connections.joined(separator: ", ")) }
        let stages = [(diff.stagesAdded.count, "added"), (diff.stagesRemoved.count, "removed"), (diff.stagesRenamed.count, "renamed")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        if !stages.isEmpty { parts.append("stages: " + stages.joined(separator: ", ")) }
        if counts.documentation > 0 { parts.append("docs: \(counts.documentation) change\(counts.documentation == 1 ? "" : "s")") }
        return parts.isEmpty ? "No architecture changes." : parts.joined(separator: " · ")
    }

    /// "2 resources added, 1 connection relabelled": one stage diff in a sentence.
    package static func countText(_ diff: TopologyDiff) -> String {
        if diff.isEmpty { return "no changes" }
        var parts: [String] = []
        for kind in ResourceChange.Kind.allCases where diff.count(kind) > 0 {
            parts.append("\(diff.count(kind)) resource\(diff.count(kind) == 1 ? "" : "s") \(kind.rawValue)")
        }
        for kind in ConnectionChange.Kind.allCases where diff.count(kind) > 0 {
            parts.append("\(diff.count(kind)) connection\(diff.count(kind) == 1 ? "" : "s") \(kind.rawValue)")
        }
        return parts.joined(separator: ", ")
    }

    /// A resource change's details as Markdown (values in code spans), for runbooks.
    package static func details(_ change: ResourceChange) -> String { DiffWords.details(change, .markdownProse) }
    package static func connectionDetails(_ change: ConnectionChange) -> String { DiffWords.connectionDetails(change, .markdownProse) }
}
