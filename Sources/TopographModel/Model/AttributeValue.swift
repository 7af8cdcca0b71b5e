/// A value written in a topology file, with YAML's scalar types already resolved
/// (YAML 1.2 core schema: only `true`/`false` are booleans).
package indirect enum AttributeValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([AttributeValue])
    case map([Entry])

    /// Map entries keep the order they were written in.
    package struct Entry: Hashable, Sendable {
        package var key: String
        package var value: AttributeValue
        package init(key: String, value: AttributeValue) {
            self.key = key
            self.value = value
        }
    }

    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    package var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    package var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    package var listValue: [AttributeValue]? {
        if case .list(let value) = self { return value }
        return nil
    }

    package var mapValue: [Entry]? {
        if case .map(let value) = self { return value }
        return nil
    }

    package subscript(key: String) -> AttributeValue? {
        mapValue?.first { $0.key == key }?.value
    }

    /// Strings of a list, skipping anything that is not a string.
    package var stringList: [String] {
        listValue?.compactMap(\.stringValue) ?? []
    }

    /// A scalar as the user would write it; used for labels, messages and runbook text.
    package var scalarText: String? {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .list, .map: nil
        }
    }

    /// The name of the YAML type, for messages ("expected a list, found a string").
    package var typeName: String {
        switch self {
        case .string: "a string"
        case .int: "an integer"
        case .double: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .list: "a list"
        case .map: "a mapping"
        }
    }

    /// A compact, deterministic rendering (flow style) for diffs and messages.
    package var description: String {
        switch self {
        case .string(let value): value
        case .int, .double, .bool, .null: scalarText ?? ""
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let entries): "{" + entries.map { "\($0.key): \($0.value.description)" }.joined(separator: ", ") + "}"
        }
    }
}
