/// A topology file as written: base resources and connections plus the stage operations,
/// before any stage is applied. The parser produces it; `StageResolver` consumes it.
public struct TopologyDocument: Sendable {
    /// The path used in diagnostics (as given on the command line).
    public var file: String
    public var version: Int
    public var metadata: TopologyMetadata
    public var resources: [Resource]
    public var connections: [Connection]
    public var stages: [StageDefinition]
    /// Lint rules suppressed for the whole file (`lint: { ignore: [...] }` at the top level).
    public var lintIgnores: [LintIgnore]

    public init(
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
public struct TopologyMetadata: Hashable, Sendable {
    public var name: String
    public var title: String?
    public var description: String?
    public var region: String?
    public var account: String?

    public init(name: String, title: String? = nil, description: String? = nil, region: String? = nil, account: String? = nil) {
        self.name = name
        self.title = title
        self.description = description
        self.region = region
        self.account = account
    }

    /// The title a heading shows: `title`, else the slug.
    public var displayTitle: String { title ?? name }
}

/// A suppressed lint rule id and where the suppression was written.
public struct LintIgnore: Hashable, Sendable {
    public var rule: String
    public var location: SourceLocation
    public init(rule: String, location: SourceLocation) {
        self.rule = rule
        self.location = location
    }
}

/// One entry of `stages:` as written.
public struct StageDefinition: Sendable {
    public var name: String
    public var title: String?
    public var description: String?
    public var location: SourceLocation
    public var removals: [StageRemoval]
    public var changes: [StageChange]
    public var addedResources: [Resource]
    public var addedConnections: [Connection]

    public init(
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
public enum StageRemoval: Sendable {
    case resource(id: String, location: SourceLocation)
    case connection(from: String, to: String, location: SourceLocation)
}

/// An entry of a stage's `change:` mapping: fields merged into an existing resource.
/// A field set to `null` is removed (extension).
public struct StageChange: Sendable {
    public var id: String
    public var location: SourceLocation
    public var fields: [String: AttributeValue]
    public var fieldLocations: [String: SourceLocation]
    public var keyLocations: [String: SourceLocation]
    public var fieldOrder: [String]

    public init(
        id: String, location: SourceLocation, fields: [String: AttributeValue],
        fieldLocations: [String: SourceLocation], keyLocations: [String: SourceLocation], fieldOrder: [String]
    ) {
        self.id = id
        self.location = location
        self.fields = fields
        self.fieldLocations = fieldLocations
        self.keyLocations = keyLocations
        self.fieldOrder = fieldOrder
    }
}
