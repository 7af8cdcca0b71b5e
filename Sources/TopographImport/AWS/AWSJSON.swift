import Foundation

/// One AWS CLI answer (`--output json`), read by Foundation's JSON parser into a value that
/// can cross threads. Lookups never fail: a missing key reads as `.null`, so the readers
/// can say what they want without unwrapping every level.
package indirect enum AWSJSON: Sendable, Hashable, Decodable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([AWSJSON])
    case object([String: AWSJSON])

    package init(data: Data) throws {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            self = .object([:])  // commands with nothing to say print nothing
            return
        }
        self = try JSONDecoder().decode(AWSJSON.self, from: data)
    }

    package subscript(key: String) -> AWSJSON {
        if case .object(let object) = self { return object[key] ?? .null }
        return .null
    }

    package var array: [AWSJSON] {
        if case .array(let items) = self { return items }
        return []
    }

    package var object: [String: AWSJSON] {
        if case .object(let object) = self { return object }
        return [:]
    }

    package var string: String? {
        switch self {
        case .string(let text): text
        case .number(let value): IaCValue.numberText(value)
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    package var int: Int? {
        switch self {
        case .number(let value) where value == value.rounded() && abs(value) < 1e15: Int(value)
        case .string(let text): Int(text)
        default: nil
        }
    }

    package var bool: Bool? {
        switch self {
        case .bool(let value): value
        case .string(let text): text.lowercased() == "true" ? true : text.lowercased() == "false" ? false : nil
        default: nil
        }
    }

    package var isNull: Bool { self == .null }

    /// The strings of a list (`["subnet-1", "subnet-2"]`), skipping anything else.
    package var strings: [String] { array.compactMap(\.string) }

    package init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let items = try? container.decode([AWSJSON].self) { self = .array(items) }
        else { self = .object(try container.decode([String: AWSJSON].self)) }
    }
}
