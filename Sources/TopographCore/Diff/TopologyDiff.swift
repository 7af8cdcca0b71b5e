/// What changed between two versions of one stage, in architecture terms (resources and
/// connections), never in YAML terms: formatting, comments, key order, the short or long
/// connection form and the order of set-like lists are not changes.
public struct TopologyDiff: Sendable, Hashable {
    public var resources: [ResourceChange]
    public var connections: [ConnectionChange]

    public init(resources: [ResourceChange] = [], connections: [ConnectionChange] = []) {
        self.resources = resources
        self.connections = connections
    }

    public var isEmpty: Bool { resources.isEmpty && connections.isEmpty }

    public func count(_ kind: ResourceChange.Kind) -> Int { resources.filter { $0.kind == kind }.count }
    public func count(_ kind: ConnectionChange.Kind) -> Int { connections.filter { $0.kind == kind }.count }

    /// The same diff without documentation-only changes (`--ignore docs`).
    public func ignoringDocumentation() -> TopologyDiff {
        TopologyDiff(
            resources: resources.compactMap { $0.ignoringDocumentation() },
            connections: connections.filter { $0.changeClass != .documentation })
    }
}

/// Whether a change alters the architecture or only documents it (`notes`, `links`,
/// `lint`, a description): CI can ignore the second class with `--ignore docs`.
public enum ChangeClass: String, Sendable, Hashable, CaseIterable {
    case architecture
    case documentation = "docs"
}

public struct ResourceChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added
        case removed
        case changed
        /// Its container (`in:`) changed; `attributes` may list other changes too.
        case moved
        /// Found under a new id by similarity; `attributes` lists what else changed.
        case renamed
    }

    public var kind: Kind
    /// The id in the new version (the old one for a removal).
    public var id: String
    /// The old id of a renamed resource.
    public var oldID: String?
    public var resourceKind: String
    /// Changed attributes; for an added or removed resource, every attribute it has.
    public var attributes: [AttributeChange]
    public var oldParent: String?
    public var newParent: String?

    public init(kind: Kind, id: String, oldID: String? = nil, resourceKind: String, attributes: [AttributeChange] = [], oldParent: String? = nil, newParent: String? = nil) {
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
    public var changeClass: ChangeClass {
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
public struct AttributeChange: Sendable, Hashable {
    public var path: String
    public var old: AttributeValue?
    public var new: AttributeValue?
    public var changeClass: ChangeClass

    public init(path: String, old: AttributeValue?, new: AttributeValue?, changeClass: ChangeClass = .architecture) {
        self.path = path
        self.old = old
        self.new = new
        self.changeClass = changeClass
    }
}

public struct ConnectionChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added
        case removed
        /// Same ends; label, port, protocol, via or notes changed.
        case relabelled
    }

    public var kind: Kind
    /// Ends in the new version's ids (renames applied).
    public var from: String
    public var to: String
    public var old: Connection?
    public var new: Connection?

    public init(kind: Kind, from: String, to: String, old: Connection?, new: Connection?) {
        self.kind = kind
        self.from = from
        self.to = to
        self.old = old
        self.new = new
    }

    public var endpoints: String { "\(from) -> \(to)" }

    /// Only the notes of an edge changed.
    public var changeClass: ChangeClass {
        guard kind == .relabelled, var before = old, let after = new else { return .architecture }
        before.from = after.from
        before.to = after.to
        before.notes = after.notes
        return before == after ? .documentation : .architecture
    }
}
