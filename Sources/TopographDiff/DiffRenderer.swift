import Foundation
import TopographModel
import TopographDiagram

package enum DiffFormat: String, CaseIterable, Sendable {
    case markdown
    case json
    case text
    /// The new stage drawn by Graphviz with the same marks as the Markdown's diagram.
    case svg
}

/// `DocumentDiff` -> Markdown for a PR comment (summary, tables, a marked-up Mermaid
/// diagram), versioned JSON, or plain text for a terminal.
package enum DiffRenderer {
    /// The hidden first line a CI job looks for to update its one PR comment.
    package static let commentMarker = "<!-- topograph-diff -->"

    package static func render(_ diff: DocumentDiff, format: DiffFormat) throws -> String {
        switch format {
        case .markdown: markdown(diff)
        case .json: try json(diff)
        case .text: text(diff)
        case .svg: try svg(diff)
        }
    }

    package struct SVGStageError: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    /// One SVG: the only compared stage, or the only one that changed.
    package static func svg(_ diff: DocumentDiff) throws -> String {
        let changed = diff.stages.filter { !$0.diff.isEmpty }
        let candidates = diff.stages.count == 1 ? diff.stages : changed
        guard candidates.count == 1, let stage = candidates.first else {
            throw SVGStageError(description: "--format svg draws one stage, and \(changed.count) stages changed (\(changed.map(\.name).joined(separator: ", "))): pick one with --stage")
        }
        let header = GeneratedMarker.text(source: "\(diff.oldSource) -> \(diff.newSource)", stage: stage.name)
        let rendered = try StageRenderer().renderGraphviz(diagram(stage), header: header, format: .svg)
        return String(decoding: rendered.data, as: UTF8.self)
    }

    // MARK: - Summary

    package static func summary(_ diff: DocumentDiff) -> String {
        if diff.isEmpty { return "No architecture changes." }
        var resourceCounts: [ResourceChange.Kind: Int] = [:]
        var connectionCounts: [ConnectionChange.Kind: Int] = [:]
        for stage in diff.stages {
            for kind in ResourceChange.Kind.allCases { resourceCounts[kind, default: 0] += stage.diff.count(kind) }
            for kind in ConnectionChange.Kind.allCases { connectionCounts[kind, default: 0] += stage.diff.count(kind) }
        }
        var parts: [String] = []
        let resources = ResourceChange.Kind.allCases.compactMap { kind -> String? in
            let count = resourceCounts[kind] ?? 0
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        if !resources.isEmpty { parts.append("resources: " + resources.joined(separator: ", ")) }
        let connections = ConnectionChange.Kind.allCases.compactMap { kind -> String? in
            let count = connectionCounts[kind] ?? 0
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        if !connections.isEmpty { parts.append("connections: " + connections.joined(separator: ", ")) }
        if !diff.stagesAdded.isEmpty { parts.append("stages added: " + diff.stagesAdded.joined(separator: ", ")) }
        if !diff.stagesRemoved.isEmpty { parts.append("stages removed: " + diff.stagesRemoved.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
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

    static func value(_ value: AttributeValue?) -> String {
        guard let value else { return "(none)" }
        return value.description
    }

    package static func details(_ change: ResourceChange) -> String {
        var parts: [String] = []
        switch change.kind {
        case .renamed: parts.append("was `\(change.oldID ?? "")`")
        case .moved: parts.append("`in`: \(change.oldParent ?? "(top level)") → \(change.newParent ?? "(top level)")")
        default: break
        }
        parts += change.attributes.map { "`\($0.path)`: \(value($0.old)) → \(value($0.new))" }
        return parts.joined(separator: "; ")
    }

    /// `details` as Markdown: names in code spans, values escaped.
    package static func markdownDetails(_ change: ResourceChange) -> String {
        var parts: [String] = []
        switch change.kind {
        case .renamed: parts.append("was \(MarkdownText.codeSpan(change.oldID ?? ""))")
        case .moved: parts.append("`in`: \(MarkdownText.inline(change.oldParent ?? "(top level)")) → \(MarkdownText.inline(change.newParent ?? "(top level)"))")
        default: break
        }
        parts += change.attributes.map { "\(MarkdownText.codeSpan($0.path)): \(MarkdownText.inline(value($0.old))) → \(MarkdownText.inline(value($0.new)))" }
        return parts.joined(separator: "; ")
    }

    package static func connectionDetails(_ change: ConnectionChange) -> String {
        func describe(_ connection: Connection?) -> String {
            guard let connection else { return "" }
            var parts: [String] = []
            if let label = connection.label { parts.append(label) }
            if let port = connection.port { parts.append("port \(port)") }
            if let proto = connection.protocol { parts.append(proto) }
            if let via = connection.via { parts.append("via \(via)") }
            return parts.joined(separator: ", ")
        }
        switch change.kind {
        case .added: return describe(change.new)
        case .removed: return describe(change.old)
        case .relabelled: return "\(describe(change.old).isEmpty ? "(no label)" : describe(change.old)) → \(describe(change.new).isEmpty ? "(no label)" : describe(change.new))"
        }
    }

    // MARK: - Markdown

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    package static func markdown(_ diff: DocumentDiff) -> String {
        var lines = [commentMarker, "### Architecture diff", "", "`\(cell(diff.oldSource))` → `\(cell(diff.newSource))`", "", "**\(summary(diff))**"]
        for stage in diff.stages where !stage.diff.isEmpty {
            lines += ["", diff.stages.count == 1 && stage.name == StageInfo.defaultName ? "#### Changes" : "#### Stage \(stage.name)" + (stage.oldName != stage.name ? " (from \(stage.oldName))" : ""), ""]
            if !stage.diff.resources.isEmpty {
                lines += ["| change | resource | kind | details |", "|---|---|---|---|"]
                for change in stage.diff.resources {
                    lines.append("| \(change.kind.rawValue) | `\(change.id)` | \(change.resourceKind) | \(cell(details(change))) |")
                }
                lines.append("")
            }
            if !stage.diff.connections.isEmpty {
                lines += ["| change | connection | details |", "|---|---|---|"]
                for change in stage.diff.connections {
                    lines.append("| \(change.kind.rawValue) | `\(change.endpoints)` | \(cell(connectionDetails(change))) |")
                }
                lines.append("")
            }
            lines += ["<details open><summary>Diagram of \(stage.name == StageInfo.defaultName ? "the new version" : "stage \(stage.name)"): added green, changed amber, removed dashed red</summary>", "",
                      "```mermaid", mermaid(stage).trimmingCharacters(in: .newlines), "```", "", "</details>"]
        }
        if !diff.stagesAdded.isEmpty { lines += ["", "Stages added: " + diff.stagesAdded.map { "`\($0)`" }.joined(separator: ", ")] }
        if !diff.stagesRemoved.isEmpty { lines += ["", "Stages removed: " + diff.stagesRemoved.map { "`\($0)`" }.joined(separator: ", ")] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The new stage drawn with the changes marked: removed resources and connections come
    /// back as ghosts where they used to be.
    package static func diagram(_ stage: DocumentDiff.StageDiff) -> Diagram {
        var marks: [String: DiffMark] = [:]
        var ghosts: [Resource] = []
        let present = Set(stage.newStage.resources.map(\.id))
        for change in stage.diff.resources {
            switch change.kind {
            case .added: marks[change.id] = .added
            case .changed, .moved, .renamed: marks[change.id] = .changed
            case .removed:
                if var ghost = stage.oldStage.resource(change.id) {
                    if let parent = ghost.parent, !present.contains(parent), stage.oldStage.resource(parent) == nil || !stage.diff.resources.contains(where: { $0.kind == .removed && $0.id == parent }) {
                        ghost.fields["in"] = nil
                    }
                    ghosts.append(ghost)
                }
            }
        }
        let drawable = present.union(ghosts.map(\.id))
        var edgeMarks: [String: DiffMark] = [:]
        var ghostConnections: [Connection] = []
        for change in stage.diff.connections {
            switch change.kind {
            case .added: edgeMarks[change.endpoints] = .added
            case .relabelled: edgeMarks[change.endpoints] = .changed
            case .removed:
                if let connection = change.old, drawable.contains(connection.from), drawable.contains(connection.to) { ghostConnections.append(connection) }
            }
        }
        return DiagramBuilder(marks: marks, edgeMarks: edgeMarks, ghosts: ghosts, ghostConnections: ghostConnections).build(stage.newStage)
    }

    static func mermaid(_ stage: DocumentDiff.StageDiff) -> String {
        var diagram = diagram(stage)
        let source = MermaidRenderer().render(diagram)
        if !MermaidRenderer.limitProblems(source: source, diagram: diagram).isEmpty {
            diagram = DiagramCollapser().collapse(diagram)
            return MermaidRenderer().render(diagram)
        }
        return source
    }

    // MARK: - Text

    package static func text(_ diff: DocumentDiff) -> String {
        var lines = ["\(diff.oldSource) -> \(diff.newSource)", summary(diff)]
        for stage in diff.stages where !stage.diff.isEmpty {
            if stage.name != StageInfo.defaultName { lines.append("stage \(stage.name):") }
            for change in stage.diff.resources {
                let sign: String
                switch change.kind {
                case .added: sign = "+"
                case .removed: sign = "-"
                case .changed: sign = "~"
                case .moved: sign = ">"
                case .renamed: sign = "="
                }
                let detail = details(change).replacingOccurrences(of: "`", with: "")
                lines.append("  \(sign) \(change.kind.rawValue) \(change.id) (\(change.resourceKind))\(detail.isEmpty ? "" : ": " + detail)")
            }
            for change in stage.diff.connections {
                let sign = change.kind == .added ? "+" : change.kind == .removed ? "-" : "~"
                let detail = connectionDetails(change)
                lines.append("  \(sign) connection \(change.endpoints)\(detail.isEmpty ? "" : ": " + detail)")
            }
        }
        if !diff.stagesAdded.isEmpty { lines.append("stages added: " + diff.stagesAdded.joined(separator: ", ")) }
        if !diff.stagesRemoved.isEmpty { lines.append("stages removed: " + diff.stagesRemoved.joined(separator: ", ")) }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - JSON (schema version 1, Docs/diff.md)

    struct JSONDiff: Encodable {
        var version = 1
        var old: String
        var new: String
        var summary: String
        var changed: Bool
        var stagesAdded: [String]
        var stagesRemoved: [String]
        var stages: [JSONStage]
    }

    struct JSONStage: Encodable {
        var stage: String
        var oldStage: String
        var resources: [JSONResource]
        var connections: [JSONConnection]
    }

    struct JSONResource: Encodable {
        var change: String
        var id: String
        var oldId: String?
        var kind: String
        var oldParent: String?
        var newParent: String?
        var attributes: [JSONAttribute]
    }

    struct JSONAttribute: Encodable {
        var path: String
        var old: AttributeValue?
        var new: AttributeValue?
    }

    struct JSONConnection: Encodable {
        var change: String
        var from: String
        var to: String
        var old: JSONEdge?
        var new: JSONEdge?
    }

    struct JSONEdge: Encodable {
        var label: String?
        var port: Int?
        var `protocol`: String?
        var via: String?

        init?(_ connection: Connection?) {
            guard let connection else { return nil }
            label = connection.label
            port = connection.port
            `protocol` = connection.protocol
            via = connection.via
        }
    }

    package static func json(_ diff: DocumentDiff) throws -> String {
        let value = JSONDiff(
            old: diff.oldSource, new: diff.newSource, summary: summary(diff), changed: !diff.isEmpty,
            stagesAdded: diff.stagesAdded, stagesRemoved: diff.stagesRemoved,
            stages: diff.stages.map { stage in
                JSONStage(
                    stage: stage.name, oldStage: stage.oldName,
                    resources: stage.diff.resources.map {
                        JSONResource(change: $0.kind.rawValue, id: $0.id, oldId: $0.oldID, kind: $0.resourceKind, oldParent: $0.oldParent,
                                     newParent: $0.newParent, attributes: $0.attributes.map { JSONAttribute(path: $0.path, old: $0.old, new: $0.new) })
                    },
                    connections: stage.diff.connections.map {
                        JSONConnection(change: $0.kind.rawValue, from: $0.from, to: $0.to, old: JSONEdge($0.old), new: JSONEdge($0.new))
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

extension AttributeValue: Encodable {
    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .list(let items): try container.encode(items)
        case .map(let entries):
            try container.encode(Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
