/// What `TopologyImporter` made of the templates: a stage-free topology (resources in
/// containment order, connections each justified by a property of the template), and per
/// resource type what was not drawn and why.
public struct ImportResult: Sendable {
    public var resources: [Resource]
    public var connections: [Connection]
    public var notes: [ImportNote]
    /// Template resource key -> topology id, for the resources that became one.
    public var idsByKey: [String: String]
    /// Topology id -> the template resource it came from.
    public var sourceByID: [String: IaCResource]
    public var model: IaCModel

    public func topology(name: String, title: String? = nil, region: String? = nil, file: String = "<import>") -> StageTopology {
        StageTopology(
            metadata: TopologyMetadata(name: name, title: title, description: model.description, region: region),
            stage: StageInfo(name: StageInfo.defaultName, index: 0), resources: resources, connections: connections, file: file)
    }
}

/// One line of the stderr summary: a resource type, how many of it, and what became of them.
public struct ImportNote: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        /// Read for placement, attributes or edges of other resources, not drawn itself.
        case folded
        /// Not imported at all.
        case skipped
    }

    public var type: String
    public var outcome: Outcome
    public var reason: String
    public var count: Int
    public var location: SourceLocation

    public var description: String {
        "\(type) x\(count): \(outcome.rawValue): \(reason)"
    }
}
