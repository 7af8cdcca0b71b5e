import TopographModel
import TopographInput
import TopographDiff
/// A property value of a template resource, with CloudFormation's intrinsic functions (or
/// Terraform's references) resolved as far as the template itself allows. What only the
/// deployment decides stays visible as such (`unknown`), so the importer never concludes
/// anything from it.
package indirect enum IaCValue: Sendable, Hashable {
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

    package subscript(key: String) -> IaCValue? {
        if case .map(let entries) = self { return entries.first { $0.key == key }?.value }
        return nil
    }

    package var list: [IaCValue] {
        switch self {
        case .list(let items): items
        case .null: []
        default: [self]
        }
    }

    package var entries: [IaCEntry] {
        if case .map(let entries) = self { return entries }
        return []
    }

    /// A number as a template or an API writes it in text: `2`, not `2.0`.
    static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Literal text (numbers and booleans as CloudFormation writes them in strings too).
    package var literal: String? {
        switch self {
        case .string(let text): text
        case .number(let value): IaCValue.numberText(value)
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    /// Text with placeholders allowed: literal text, or what `!Sub` assembled.
    package var text: String? {
        if case .text(let text, _) = self { return text }
        return literal
    }

    package var int: Int? {
        switch self {
        case .number(let value) where value == value.rounded(): Int(value)
        case .string(let text): Int(text)
        default: nil
        }
    }

    /// CloudFormation accepts `true` and `"true"` alike.
    package var bool: Bool? {
        switch self {
        case .bool(let value): value
        case .string(let text): text.lowercased() == "true" ? true : text.lowercased() == "false" ? false : nil
        default: nil
        }
    }

    /// Every resource this value names, anywhere inside it.
    package var references: [IaCReference] {
        switch self {
        case .reference(let reference): [reference]
        case .text(_, let references): references
        case .list(let items): items.flatMap(\.references)
        case .map(let entries): entries.flatMap(\.value.references)
        default: []
        }
    }

    /// The resource keys this value names, in order, each once.
    package var referencedKeys: [String] {
        var seen: Set<String> = []
        return references.map(\.key).filter { seen.insert($0).inserted }
    }
}

package struct IaCEntry: Sendable, Hashable {
    package var key: String
    package var value: IaCValue
    package init(key: String, value: IaCValue) {
        self.key = key
        self.value = value
    }
}

/// A resource named by another: its key in `IaCModel` and, for `!GetAtt`, the attribute.
package struct IaCReference: Sendable, Hashable {
    package var key: String
    package var attribute: String?
    package init(key: String, attribute: String? = nil) {
        self.key = key
        self.attribute = attribute
    }
}

/// One resource of a template (or Terraform plan), in CloudFormation's vocabulary: the
/// Terraform reader translates its types and properties, so one importer serves both.
package struct IaCResource: Sendable {
    /// Unique across every template read: the logical id, prefixed by its nested stack.
    package var key: String
    package var logicalID: String
    package var type: String
    package var properties: [String: IaCValue]
    package var location: SourceLocation
    /// What the topology id is made from (a CDK construct path, the logical id, a
    /// Terraform resource name).
    package var idHint: String
    /// The type as the source wrote it (a Terraform type for plans), for messages.
    package var sourceType: String
    /// Where each property was written (CloudFormation), so a message about one value
    /// points at it rather than at the resource.
    package var propertyLocations: [String: SourceLocation] = [:]

    package init(key: String, logicalID: String, type: String, properties: [String: IaCValue], location: SourceLocation, idHint: String, sourceType: String? = nil) {
        self.key = key
        self.logicalID = logicalID
        self.type = type
        self.properties = properties
        self.location = location
        self.idHint = idHint
        self.sourceType = sourceType ?? type
    }

    package subscript(property: String) -> IaCValue? { properties[property] }
}

/// Everything read from the templates given to one command.
package struct IaCModel: Sendable {
    package var resources: [IaCResource]
    /// The files read, for the comment at the top of an imported topology.
    package var sources: [String]
    /// The first template's `Description`, if literal.
    package var description: String?
    /// Problems that do not stop the import (unresolvable references, ...), with positions.
    package var warnings: [Diagnostic]
    /// The region the templates were read for (`--region`); zone names use it.
    package var region: String?
    /// The placeholders the readers wrote (`<aws_region>`, `<Env>`, ...).
    package var placeholders = Placeholders()
    /// What drift calls the source in its messages: "template", or "account" for `--against aws`.
    package var noun = "template"
    /// Some of what the templates deploy could not be read (nested stacks only on S3):
    /// `--strict` turns that into exit 1.
    package var incomplete = false
    /// Resources whose `Condition` is false with the parameters given (not imported).
    package var notDeployed: [String] = []

    package init(resources: [IaCResource] = [], sources: [String] = [], description: String? = nil, warnings: [Diagnostic] = [], region: String? = nil) {
        self.resources = resources
        self.sources = sources
        self.description = description
        self.warnings = warnings
        self.region = region
    }
}
