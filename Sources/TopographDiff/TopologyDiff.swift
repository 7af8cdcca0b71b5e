import TopographModel
import TopographDiagram

/// What changed between two versions of one stage, in architecture terms (resources and
/// connections), never in YAML terms: formatting, comments, key order and the short or
/// long connection form are not changes.
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
}

package struct ResourceChange: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        case added
        case removed
        case changed
        /// Its container (`in:`) changed; `attributes` may list other changes too.
        case moved
        /// Same kind, attributes and connections under a new id.
        case renamed
    }

    package var kind: Kind
    /// The id in the new version (the old one for a removal).
    package var id: String
    /// The old id of a renamed resource.
    package var oldID: String?
    package var resourceKind: String
    package var attributes: [AttributeChange]
    package var oldParent: String?
    package var newParent: String?

    package init(kind: Kind, id: String, oldID: String? = nil, resourceKind: String, attributes: [AttributeChange] = [], oldParent: String? = nil, newParent: String? = nil) {
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
package struct AttributeChange: Sendable, Hashable {
    package var path: String
    package var old: AttributeValue?
    package var new: AttributeValue?

    package init(path: String, old: AttributeValue?, new: AttributeValue?) {
        self.path = path
        self.old = old
        self.new = new
    }
}

package struct ConnectionChange: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        case added
        case removed
        /// Same ends; label, port, protocol or via changed.
        case relabelled
    }

    package var kind: Kind
    package var from: String
    package var to: String
    package var old: Connection?
    package var new: Connection?

    package var endpoints: String { "\(from) -> \(to)" }
}

/// Two versions of a whole topology: stages matched by name, plus stages that appear or
/// disappear.
package struct DocumentDiff: Sendable {
    package struct StageDiff: Sendable {
        package var name: String
        package var oldName: String
        package var diff: TopologyDiff
        /// The new version of the stage, to draw the diff on.
        package var newStage: StageTopology
        package var oldStage: StageTopology
    }

    package var oldSource: String
    package var newSource: String
    package var stagesAdded: [String]
    package var stagesRemoved: [String]
    package var stages: [StageDiff]

    package var isEmpty: Bool { stagesAdded.isEmpty && stagesRemoved.isEmpty && stages.allSatisfy(\.diff.isEmpty) }
}
