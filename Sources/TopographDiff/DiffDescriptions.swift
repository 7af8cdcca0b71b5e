import TopographModel

/// The words a change is described with, shared by the Markdown, the text output and the
/// migration runbooks. `style` decides how values are quoted: Markdown puts every value in
/// a code span (through `MarkdownText`), text prints it as is.
enum DiffWords {
    enum Style {
        /// Every user-written value in a code span: the PR comment.
        case markdown
        /// Connection labels as escaped prose, values in code spans: runbooks, where a
        /// label reads as a sentence.
        case markdownProse
        case text
    }

    static func value(_ value: AttributeValue?, _ style: Style) -> String {
        guard let value else { return "(none)" }
        return quote(value.description, style)
    }

    static func quote(_ text: String, _ style: Style) -> String {
        switch style {
        case .markdown, .markdownProse: MarkdownText.codeSpan(text)
        case .text: text
        }
    }

    /// `in`-less, `kind`-less attributes a reviewer needs of an added or removed
    /// resource: its label if written, then the kind's key attributes (all of its
    /// architecture attributes when the catalog names none).
    static func keyAttributes(_ change: ResourceChange) -> [AttributeChange] {
        let key = KindDiffTraits.traits(change.resourceKind).keyAttributes
        let chosen = change.attributes.filter { key.contains($0.path) || $0.path == "label" }
        if !key.isEmpty { return chosen }
        return Array(change.attributes.filter { $0.changeClass == .architecture }.prefix(6))
    }

    static func attribute(_ change: AttributeChange, _ style: Style) -> String {
        let path = quote(change.path, style)
        if change.old == nil, let new = change.new { return "\(path): \(value(new, style))" + " (added)" }
        if change.new == nil, let old = change.old { return "\(path): \(value(old, style)) (removed)" }
        return "\(path): \(value(change.old, style)) → \(value(change.new, style))"
    }

    static func details(_ change: ResourceChange, _ style: Style) -> String {
        var parts: [String] = []
        switch change.kind {
        case .added, .removed:
            let side = change.kind == .added ? change.newParent : change.oldParent
            if let side { parts.append("in \(quote(side, style))") }
            parts += keyAttributes(change).map { "\(quote($0.path, style)): \(value($0.new ?? $0.old, style))" }
            return parts.joined(separator: "; ")
        case .renamed:
            // The PR table and the terminal already say "renamed"; a runbook line does not.
            parts.append((style == .markdownProse ? "renamed from " : "from ") + quote(change.oldID ?? "", style))
        case .moved:
            parts.append((style == .markdownProse ? "moved from " : "from ") + "\(quote(change.oldParent ?? "(top level)", style)) to \(quote(change.newParent ?? "(top level)", style))")
        case .changed:
            break
        }
        if change.kind == .renamed, change.oldParent != change.newParent {
            parts.append("moved from \(quote(change.oldParent ?? "(top level)", style)) to \(quote(change.newParent ?? "(top level)", style))")
        }
        parts += change.attributes.map { attribute($0, kind: change.resourceKind, style) }
        return parts.joined(separator: "; ")
    }

    /// A set-like list (`subnets`, `listeners`, ...) says what joined and what left, which
    /// is what a reviewer reads; JSON keeps the whole lists.
    static func attribute(_ change: AttributeChange, kind: KindID, _ style: Style) -> String {
        guard KindDiffTraits.isUnordered(change.path, kind: kind), let old = change.old?.listValue, let new = change.new?.listValue else {
            return attribute(change, style)
        }
        var remaining = old.map(\.description)
        var added: [String] = []
        for item in new.map(\.description) {
            if let index = remaining.firstIndex(of: item) { remaining.remove(at: index) } else { added.append(item) }
        }
        var words: [String] = []
        if !added.isEmpty { words.append("added " + added.map { quote($0, style) }.joined(separator: ", ")) }
        if !remaining.isEmpty { words.append("removed " + remaining.map { quote($0, style) }.joined(separator: ", ")) }
        return "\(quote(change.path, style)): " + words.joined(separator: ", ")
    }

    static func edge(_ connection: Connection?, _ style: Style) -> String {
        guard let connection else { return "" }
        var parts: [String] = []
        if let label = connection.label { parts.append(style == .markdownProse ? MarkdownText.inline(label) : quote(label, style)) }
        if let port = connection.port { parts.append("port \(port)") }
        if let proto = connection.protocol { parts.append(quote(proto, style)) }
        if let via = connection.via { parts.append("via \(quote(via, style))") }
        if let notes = connection.notes { parts.append("notes \(quote(notes, style))") }
        return parts.joined(separator: ", ")
    }

    static func connectionDetails(_ change: ConnectionChange, _ style: Style) -> String {
        switch change.kind {
        case .added: return edge(change.new, style)
        case .removed: return edge(change.old, style)
        case .relabelled:
            let before = edge(change.old, style), after = edge(change.new, style)
            return "\(before.isEmpty ? "(no label)" : before) → \(after.isEmpty ? "(no label)" : after)"
        }
    }
}
