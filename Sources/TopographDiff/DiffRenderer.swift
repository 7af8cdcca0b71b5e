import TopographModel
import TopographDiagram

import Foundation

package enum DiffFormat: String, CaseIterable, Sendable {
    case markdown
    case json
    case text
    /// The PR diagram drawn by Graphviz with the same marks as the Markdown's.
    case svg
}

/// `DocumentDiff` -> Markdown for a PR comment, versioned JSON, plain text, or SVG.
/// Diagrams are not drawn here: `DiffDiagram` builds a marked `Diagram` and the Mermaid
/// and Graphviz renderers draw it.
package enum DiffRenderer {
    /// The hidden first line a CI job looks for to update its one PR comment.
    package static let commentMarker = "<!-- topograph-diff -->"

    package static func render(_ diff: DocumentDiff, format: DiffFormat) throws -> String {
        switch format {
        case .markdown: DiffMarkdown.render(diff)
        case .json: try DiffJSON.render(diff)
        case .text: DiffText.render(diff)
        case .svg: try svg(diff)
        }
    }

    package static func json(_ diff: DocumentDiff) throws -> String { try DiffJSON.render(diff) }
    package static func markdown(_ diff: DocumentDiff) -> String { DiffMarkdown.render(diff) }
    package static func text(_ diff: DocumentDiff) -> String { DiffText.render(diff) }

    /// The same diagram as the Markdown's (one stage: the last that changed), through
    /// Graphviz. With nothing changed it is the last stage, unmarked.
    package static func svg(_ diff: DocumentDiff) throws -> String {
        guard let diagram = DiffDiagram.build(diff) else {
            throw DiffRenderError(description: "there is no stage to draw")
        }
        let header = GeneratedMarker.text(source: "\(diff.oldSource) -> \(diff.newSource)", stage: diff.diagramStage?.name ?? StageInfo.defaultName)
        let rendered = try StageRenderer().renderGraphviz(diagram, header: header, format: .svg)
        return String(decoding: rendered.data, as: UTF8.self)
    }

    package struct DiffRenderError: Error, CustomStringConvertible, Sendable {
        package var description: String
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
