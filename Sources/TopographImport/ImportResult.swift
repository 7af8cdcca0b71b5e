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
    /// Topology id -> the security groups (template keys) it holds.
    package var securityGroups: [String: [String]] = [:]
    package var ingress: [IngressRule] = []

    package func topology(name: String, title: String? = nil, region: String? = nil, file: String = "<import>") -> StageTopology {
        StageTopology(
            metadata: TopologyMetadata(name: name, title: title, description: model.description, region: region),
            stage: StageInfo(name: StageInfo.defaultName, index: 0), resources: resources, connections: connections, file: file)
    }
}

/// One ingress rule of a security group, as drift needs it to tell whether the template
/// admits a documented connection.
package struct IngressRule: Sendable, Hashable {
    package var group: String
    package var sourceGroups: [String]
    /// From an address range (or prefix list): drift cannot tell who that is, so it admits.
    package var fromCIDR: Bool
    package var fromPort: Int?
    package var toPort: Int?
    package var allTraffic: Bool

    package func admits(port: Int?) -> Bool {
        guard let port, !allTraffic else { return true }
        guard let fromPort else { return true }
        return fromPort <= port && port <= (toPort ?? fromPort)
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
