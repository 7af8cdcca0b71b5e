/// A property value of a template resource, with CloudFormation's intrinsic functions (or
/// Terraform's references) resolved as far as the template itself allows. What only the
/// deployment decides stays visible as such (`unknown`), so the importer never concludes
/// anything from it.
public indirect enum IaCValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case list([IaCValue])
    case map([IaCEntry])
    /// Another resource of the templates (`!Ref`, `!GetAtt`, a Terraform reference).
    case reference(IaCReference)
    /// Text assembled by `!Sub` or `!Join`: placeholders (`<aws_region>`) for what no template
    /// says, plus the resources the text names.
    case text(String, references: [IaCReference])
    /// An availability zone chosen by position: `!Select [i, !GetAZs ""]`.
    case zoneIndex(Int)
    /// The list `!GetAZs` returns.
    case zoneList
    /// Decided at deploy time (conditions, lookups); nothing may be concluded from it.
    case unknown(String)

    public subscript(key: String) -> IaCValue? {
        if case .map(let entries) = self { return entries.first { $0.key == key }?.value }
        return nil
    }

    public var list: [IaCValue] {
        switch self {
        case .list(let items): items
        case .null: []
        default: [self]
        }
    }

    public var entries: [IaCEntry] {
        if case .map(let entries) = self { return entries }
        return []
    }

    /// Literal text (numbers and booleans as CloudFormation writes them in strings too).
    public var literal: String? {
        switch self {
        case .string(let text): text
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    /// Text with placeholders allowed: literal text, or what `!Sub` assembled.
    public var text: String? {
        if case .text(let text, _) = self { return text }
        return literal
    }

    public var int: Int? {
        switch self {
        case .number(let value) where value == value.rounded(): Int(value)
        case .string(let text): Int(text)
        default: nil
        }
    }

    /// CloudFormation accepts `true` and `"true"` alike.
    public var bool: Bool? {
        switch self {
        case .bool(let value): value
        case .string(let text): text.lowercased() == "true" ? true : text.lowercased() == "false" ? false : nil
        default: nil
        }
    }

    /// Every resource this value names, anywhere inside it.
    public var references: [IaCReference] {
        switch self {
        case .reference(let reference): [reference]
        case .text(_, let references): references
        case .list(let items): items.flatMap(\.references)
        case .map(let entries): entries.flatMap(\.value.references)
        default: []
        }
    }

    /// The resource keys this value names, in order, each once.
    public var referencedKeys: [String] {
        var seen: Set<String> = []
        return references.map(\.key).filter { seen.insert($0).inserted }
    }
}

public struct IaCEntry: Sendable, Hashable {
    public var key: String
    public var value: IaCValue
    public init(key: String, value: IaCValue) {
        self.key = key
        self.value = value
    }
}

/// A resource named by another: its key in `IaCModel` and, for `!GetAtt`, the attribute.
public struct IaCReference: Sendable, Hashable {
    public var key: String
    public var attribute: String?
    public init(key: String, attribute: String? = nil) {
        self.key = key
        self.attribute = attribute
    }
}

/// One resource of a template (or Terraform plan), in CloudFormation's vocabulary: the
/// Terraform reader translates its types and properties, so one importer serves both.
public struct IaCResource: Sendable {
    /// Unique across every template read: the logical id, prefixed by its nested stack.
    public var key: String
    public var logicalID: String
    public var type: String
    public var properties: [String: IaCValue]
    public var location: SourceLocation
    /// What the topology id is made from (a CDK construct path, the logical id, a
    /// Terraform resource name).
    public var idHint: String
    /// The type as the source wrote it (a Terraform type for plans), for messages.
    public var sourceType: String

    public init(key: String, logicalID: String, type: String, properties: [String: IaCValue], location: SourceLocation, idHint: String, sourceType: String? = nil) {
        self.key = key
        self.logicalID = logicalID
        self.type = type
        self.properties = properties
        self.location = location
        self.idHint = idHint
        self.sourceType = sourceType ?? type
    }

    public subscript(property: String) -> IaCValue? { properties[property] }
}

/// Everything read from the templates given to one command.
public struct IaCModel: Sendable {
    public var resources: [IaCResource]
    /// The files read, for the comment at the top of an imported topology.
    public var sources: [String]
    /// The first template's `Description`, if literal.
    public var description: String?
    /// Problems that do not stop the import (unresolvable references, ...), with positions.
    public var warnings: [Diagnostic]
    /// The region the templates were read for (`--region`); zone names use it.
    public var region: String?

    public init(resources: [IaCResource] = [], sources: [String] = [], description: String? = nil, warnings: [Diagnostic] = [], region: String? = nil) {
        self.resources = resources
        self.sources = sources
        self.description = description
        self.warnings = warnings
        self.region = region
    }
}
