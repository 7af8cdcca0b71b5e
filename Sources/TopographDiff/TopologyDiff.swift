import TopographModel

/// What changed between two versions of one stage, in architecture terms (resources and
/// connections), never in YAML terms: formatting, comments, key order, the short or long
/// connection form and the order of set-like lists are not changes.
package struct TopologyDiff: Sendable, Hashable {
    package var resources: [ResourceChange]
    package var connections: [ConnectionChange]

    package init(resources: [ResourceChange] = [], connections: [ConnectionChange] = []) {
        self.resources = resources
        self.connections = connections
    }

    package var isEmpty: Bool { resources.isEmpty && connections.isEmpty }

    package func count(_ kind: ResourceChange.Kind) -> Int { resources.filter { $0.kind == kind }.count }
    package func count(_ kind: ConnectionChange.Kind) -> Int { connections.filter { $0.kind == kind }.count }

    /// The same diff without documentation-only changes (`--ignore docs`).
    package func ignoringDocumentation() -> TopologyDiff {
        TopologyDiff(
            resources: resources.compactMap { $0.ignoringDocumentation() },
            connections: connections.filter { $0.changeClass != .documentation })
    }
}

/// Whether a change alters the architecture or only documents it (`notes`, `links`,
/// `lint`, a description): CI can ignore the second class with `--ignore docs`.
package enum ChangeClass: String, Sendable, Hashable, CaseIterable {
    case architecture
    case documentation = "docs"
}

package struct ResourceChange: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        case added
        case removed
        case changed
        /// Its container (`in:`) changed; `attributes` may list other changes too.
        case moved
        /// Found under a new id by similarity; `attributes` lists what else changed.
        case renamed
    }

    package var kind: Kind
    /// The id in the new version (the old one for a removal).
    package var id: String
    /// The old id of a renamed resource.
    package var oldID: String?
    package var resourceKind: KindID
    /// Changed attributes; for an added or removed resource, every attribute it has.
    package var attributes: [AttributeChange]
    package var oldParent: String?
    package var newParent: String?

    package init(kind: Kind, id: String, oldID: String? = nil, resourceKind: KindID, attributes: [AttributeChange] = [], oldParent: String? = nil, newParent: String? = nil) {
        self.kind = kind
        self.id = id
        self.oldID = oldID
        self.resourceKind = resourceKind
        self.attributes = attributes
        self.oldParent = oldParent
        self.newParent = newParent
    }

    /// A change whose every attribute change is documentation is documentation; added,
    /// removed, moved and renamed resources always change the architecture.
    package var changeClass: ChangeClass {
        kind == .changed && !attributes.isEmpty && attributes.allSatisfy { $0.changeClass == .documentation } ? .documentation : .architecture
    }

    func ignoringDocumentation() -> ResourceChange? {
        if changeClass == .documentation { return nil }
        var result = self
        if kind != .added && kind != .removed { result.attributes = attributes.filter { $0.changeClass == .architecture } }
        return result
    }
}

/// One attribute's change; a map's entries are compared one by one (`tags.team`). For an
/// added resource only `new` is set, for a removed one only `old`.
package struct AttributeChange: Sendable, Hashable {
    package var path: String
    package var old: AttributeValue?
    package var new: AttributeValue?
    package var changeClass: ChangeClass

    package init(path: String, old: AttributeValue?, new: AttributeValue?, changeClass: ChangeClass = .architecture) {
        self.path = path
        self.old = old
        self.new = new
        self.changeClass = changeClass
    }
}

package struct ConnectionChange: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        case added
        case removed
        /// Same ends; label, port, protocol, via or notes changed.
        case relabelled
    }

    package var kind: Kind
    /// Ends in the new version's ids (renames applied).
    package var from: String
    package var to: String
    package var old: Connection?
    package var new: Connection?

    package init(kind: Kind, from: String, to: String, old: Connection?, new: Connection?) {
        self.kind = kind
        self.from = from
        self.to = to
        self.old = old
        self.new = new
    }

    package var endpoints: String { "\(from) -> \(to)" }

    /// Only the notes of an edge changed.
    package var changeClass: ChangeClass {
        guard kind == .relabelled, var before = old, let after = new else { return .architecture }
        before.from = after.from
        before.to = after.to
        before.notes = after.notes
        return before == after ? .documentation : .architecture
    }
}
