import TopographModel
import TopographInput
import TopographDiff
/// What `TopologyImporter` made of the templates: a stage-free topology (resources in
/// containment order, connections each justified by a property of the template), and per
/// resource type what was not drawn and why.
package struct ImportResult: Sendable {
    package var resources: [Resource]
    package var connections: [Connection]
    package var notes: [ImportNote]
    /// Template resource key -> topology id, for the resources that became one.
    package var idsByKey: [String: String]
    /// Topology id -> the template resource it came from.
    package var sourceByID: [String: IaCResource]
    package var model: IaCModel

    package func topology(name: String, title: String? = nil, region: String? = nil, file: String = "<import>") -> StageTopology {
        StageTopology(
            metadata: TopologyMetadata(name: name, title: title, description: model.description, region: region),
            stage: StageInfo(name: StageInfo.defaultName, index: 0), resources: resources, connections: connections, file: file)
    }
}

/// One line of the stderr summary: a resource type, how many of it, and what became of them.
package struct ImportNote: Sendable, Hashable {
    package enum Outcome: String, Sendable, Hashable {
        /// Read for placement, attributes or edges of other resources, not drawn itself.
        case folded
        /// Not imported at all.
        case skipped
    }

    package var type: String
    package var outcome: Outcome
    package var reason: String
    package var count: Int
    package var location: SourceLocation

    package var description: String {
        "\(type) x\(count): \(outcome.rawValue): \(reason)"
    }
}
