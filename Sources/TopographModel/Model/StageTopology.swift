/// One stage, fully resolved: a complete topology of its own. Every emitter (diagrams,
/// runbooks, lint, diff) consumes this, never the YAML.
package struct StageTopology: Sendable {
    package var metadata: TopologyMetadata
    package var stage: StageInfo
    package var resources: [Resource]
    package var connections: [Connection]
    package var lintIgnores: [LintIgnore]
    /// The file the topology came from, for messages and generated-file markers.
    package var file: String

    private var indexByID: [String: Int]
    private var childrenByParent: [String: [String]]
    private var rootIDs: [String]

    package init(
        metadata: TopologyMetadata, stage: StageInfo, resources: [Resource],
        connections: [Connection], lintIgnores: [LintIgnore] = [], file: String
    ) {
        self.metadata = metadata
        self.stage = stage
        self.resources = resources
        self.connections = connections
        self.lintIgnores = lintIgnores
        self.file = file
        var index: [String: Int] = [:]
        index.reserveCapacity(resources.count)
        for (offset, resource) in resources.enumerated() where index[resource.id] == nil {
            index[resource.id] = offset
        }
        var children: [String: [String]] = [:]
        var roots: [String] = []
        for resource in resources {
            if let parent = resource.parent, index[parent] != nil {
                children[parent, default: []].append(resource.id)
            } else {
                roots.append(resource.id)
            }
        }
        self.indexByID = index
        self.childrenByParent = children
        self.rootIDs = roots
    }

    package func resource(_ id: String) -> Resource? {
        indexByID[id].map { resources[$0] }
    }

    package func contains(_ id: String) -> Bool { indexByID[id] != nil }

    /// Direct children of `id` in file order; `nil` gives the top-level resources.
    package func children(of id: String?) -> [Resource] {
        let ids = id.map { childrenByParent[$0] ?? [] } ?? rootIDs
        return ids.compactMap(resource)
    }

    /// The chain of containers from the direct parent outwards.
    package func ancestors(of id: String) -> [Resource] {
        var chain: [Resource] = []
        var seen: Set<String> = [id]
        var current = resource(id)?.parent
        while let parentID = current, seen.insert(parentID).inserted, let parent = resource(parentID) {
            chain.append(parent)
            current = parent.parent
        }
        return chain
    }

    /// The nearest enclosing resource of one of `kinds`.
    package func enclosing(_ id: String, kinds: Set<KindID>) -> Resource? {
        ancestors(of: id).first { kinds.contains($0.kind) }
    }

    package func resources(ofKind kind: KindID) -> [Resource] {
        resources.filter { $0.kind == kind }
    }

    package func resources(ofKinds kinds: Set<KindID>) -> [Resource] {
        resources.filter { kinds.contains($0.kind) }
    }

    package func outgoing(_ id: String) -> [Connection] { connections.filter { $0.from == id } }
    package func incoming(_ id: String) -> [Connection] { connections.filter { $0.to == id } }

    /// True when `id` is `ancestor` or sits (transitively) inside it.
    package func isInside(_ id: String, _ ancestor: String) -> Bool {
        id == ancestor || ancestors(of: id).contains { $0.id == ancestor }
    }
}

/// Which stage a `StageTopology` is, and where it sits in the file's order.
package struct StageInfo: Hashable, Sendable {
    package var name: String
    package var title: String?
    package var description: String?
    /// 0-based position among the file's stages.
    package var index: Int
    package var location: SourceLocation?

    package init(name: String, title: String? = nil, description: String? = nil, index: Int, location: SourceLocation? = nil) {
        self.name = name
        self.title = title
        self.description = description
        self.index = index
        self.location = location
    }

    /// The stage name used when a file declares no `stages:`.
    package static let defaultName = "default"
}
