/// What changed between two versions of one stage, in architecture terms (resources and
/// connections), never in YAML terms: formatting, comments, key order and the short or
/// long connection form are not changes.
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
}

public struct ResourceChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added
        case removed
        case changed
        /// Its container (`in:`) changed; `attributes` may list other changes too.
        case moved
        /// Same kind, attributes and connections under a new id.
        case renamed
    }

    public var kind: Kind
    /// The id in the new version (the old one for a removal).
    public var id: String
    /// The old id of a renamed resource.
    public var oldID: String?
    public var resourceKind: String
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
}

/// One attribute's change; a nested map's entries are compared one by one (`tags.team`).
public struct AttributeChange: Sendable, Hashable {
    public var path: String
    public var old: AttributeValue?
    public var new: AttributeValue?

    public init(path: String, old: AttributeValue?, new: AttributeValue?) {
        self.path = path
        self.old = old
        self.new = new
    }
}

public struct ConnectionChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added
        case removed
        /// Same ends; label, port, protocol or via changed.
        case relabelled
    }

    public var kind: Kind
    public var from: String
    public var to: String
    public var old: Connection?
    public var new: Connection?

    public var endpoints: String { "\(from) -> \(to)" }
}

/// Two versions of a whole topology: stages matched by name, plus stages that appear or
/// disappear.
public struct DocumentDiff: Sendable {
    public struct StageDiff: Sendable {
        public var name: String
        public var oldName: String
        public var diff: TopologyDiff
        /// The new version of the stage, to draw the diff on.
        public var newStage: StageTopology
        public var oldStage: StageTopology
    }

    public var oldSource: String
    public var newSource: String
    public var stagesAdded: [String]
    public var stagesRemoved: [String]
    public var stages: [StageDiff]

    public var isEmpty: Bool { stagesAdded.isEmpty && stagesRemoved.isEmpty && stages.allSatisfy(\.diff.isEmpty) }
}
