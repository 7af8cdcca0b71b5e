/// The type an attribute's value must have; the validator checks values against it and
/// `topograph schema` turns it into JSON Schema.
package indirect enum AttributeType: Sendable, Hashable {
    case string
    case markdown
    case int
    /// A TCP/UDP port, 1...65535.
    case port
    case bool
    case oneOf([String])
    case list(AttributeType)
    /// The id of another resource, of one of these kinds (empty: any kind).
    case reference([KindID])
    /// A mapping of string keys to string values (`tags`).
    case stringMap
    /// A mapping with fixed keys.
    case object([AttributeSpec])
    /// An http or https URL.
    case url

    package var summary: String {
        switch self {
        case .string: "string"
        case .markdown: "Markdown string"
        case .int: "integer"
        case .port: "port (1-65535)"
        case .bool: "boolean"
        case .oneOf(let values): values.joined(separator: " | ")
        case .list(let element): "list of \(element.summary)"
        case .reference(let kinds): kinds.isEmpty ? "resource id" : "id of " + kinds.map(\.rawValue).joined(separator: " / ")
        case .stringMap: "map of strings"
        case .object(let fields): "{" + fields.map(\.name).joined(separator: ", ") + "}"
        case .url: "http(s) URL"
        }
    }
}

/// One attribute a kind accepts.
package struct AttributeSpec: Sendable, Hashable {
    package var name: String
    package var type: AttributeType
    package var doc: String
    package var required: Bool
    /// Attributes Topograph adds beyond format v1 are marked so `Docs/` can say so.
    package var isExtension: Bool
    /// AWS's rule for the value (each element of a list), checked by the validator.
    package var rule: AWSValueRule?
    /// The integers AWS accepts (seconds, counts), checked by the validator.
    package var range: ClosedRange<Int>?

    package init(
        _ name: String, _ type: AttributeType, _ doc: String, required: Bool = false, isExtension: Bool = false,
        rule: AWSValueRule? = nil, range: ClosedRange<Int>? = nil
    ) {
        self.name = name
        self.type = type
        self.doc = doc
        self.required = required
        self.isExtension = isExtension
        self.rule = rule
        self.range = range
    }
}
