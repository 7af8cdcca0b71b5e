/// A topology file as written: base resources and connections plus the stage operations,
/// before any stage is applied. The parser produces it; `StageResolver` consumes it.
package struct TopologyDocument: Sendable {
    /// The path used in diagnostics (as given on the command line).
    package var file: String
    package var version: Int
    package var metadata: TopologyMetadata
    package var resources: [Resource]
    package var connections: [Connection]
    package var stages: [StageDefinition]
    /// Lint rules suppressed for the whole file (`lint: { ignore: [...] }` at the top level).
    package var lintIgnores: [LintIgnore]
    /// Accepted differences from the templates `drift` compares against (extension).
    package var driftIgnores: [DriftIgnore] = []

    package init(
        file: String, version: Int, metadata: TopologyMetadata, resources: [Resource],
        connections: [Connection], stages: [StageDefinition], lintIgnores: [LintIgnore] = []
    ) {
        self.file = file
        self.version = version
        self.metadata = metadata
        self.resources = resources
        self.connections = connections
        self.stages = stages
        self.lintIgnores = lintIgnores
    }
}

/// The top-level descriptive fields, shared by every stage.
package struct TopologyMetadata: Hashable, Sendable {
    package var name: String
    package var title: String?
    package var description: String?
    package var region: String?
    package var account: String?

    package init(name: String, title: String? = nil, description: String? = nil, region: String? = nil, account: String? = nil) {
        self.name = name
        self.title = title
        self.description = description
        self.region = region
        self.account = account
    }

    /// The title a heading shows: `title`, else the slug.
    package var displayTitle: String { title ?? name }
}

/// A suppressed lint rule id and where the suppression was written.
package struct LintIgnore: Hashable, Sendable {
    package var rule: String
    package var location: SourceLocation
    package init(rule: String, location: SourceLocation) {
        self.rule = rule
        self.location = location
    }
}

/// One entry of `stages:` as written.
package struct StageDefinition: Sendable {
    package var name: String
    package var title: String?
    package var description: String?
    package var location: SourceLocation
    package var removals: [StageRemoval]
    package var changes: [StageChange]
    package var addedResources: [Resource]
    package var addedConnections: [Connection]

    package init(
        name: String, title: String? = nil, description: String? = nil, location: SourceLocation,
        removals: [StageRemoval] = [], changes: [StageChange] = [],
        addedResources: [Resource] = [], addedConnections: [Connection] = []
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.location = location
        self.removals = removals
        self.changes = changes
        self.addedResources = addedResources
        self.addedConnections = addedConnections
    }
}

/// An entry of a stage's `remove:` list: a resource id, or (extension) a connection
/// written as in `connections:` (`"a -> b"`), which removes every edge between the two.
package enum StageRemoval: Sendable {
    case resource(id: String, location: SourceLocation)
    case connection(from: String, to: String, location: SourceLocation)
}

/// An entry of a stage's `change:` mapping: fields merged into an existing resource.
/// A field set to `null` is removed (extension).
package struct StageChange: Sendable {
    package var id: String
    package var location: SourceLocation
    package var fieldMap: FieldMap

    package init(id: String, location: SourceLocation, fieldMap: FieldMap) {
        self.id = id
        self.location = location
        self.fieldMap = fieldMap
    }
}
