import Yams
import TopographModel

/// The type of a plain YAML scalar under YAML 1.2's core schema: only `true`/`false` are
/// booleans (`on`, `yes`, `no` stay strings, so a label or a region is never silently
/// turned into a boolean). Resolved here rather than through Yams' regex-based resolver,
/// which dominated the time to read a 10,000-resource file.
package enum ScalarType: Equatable {
    case string
    case int
    case float
    case bool
    case null

    package static func of(_ node: Node) -> ScalarType {
        guard case .scalar(let scalar) = node else { return .string }
        guard scalar.style == .plain || scalar.style == .any else { return .string }
        if let tag = explicitTag(scalar) { return tag }
        return of(plain: scalar.string)
    }

    /// `!!str 5` and friends: an explicit tag wins over the text.
    private static func explicitTag(_ scalar: Node.Scalar) -> ScalarType? {
        switch scalar.tag.rawValue {
        case Tag.Name.str.rawValue: return .string
        case Tag.Name.int.rawValue: return .int
        case Tag.Name.float.rawValue: return .float
        case Tag.Name.bool.rawValue: return .bool
        case Tag.Name.null.rawValue: return .null
        default: return nil
        }
    }

    package static func of(plain text: String) -> ScalarType {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN": return .float
        default: break
        }
        let utf8 = Array(text.utf8)
        guard let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") || isDigit(first) else {
            return .string
        }
        if isInteger(utf8) { return .int }
        if Double(text) != nil, utf8.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }) {
            return .float
        }
        return .string
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isInteger(_ utf8: [UInt8]) -> Bool {
        var digits = utf8[...]
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        if digits.starts(with: Array("0x".utf8)) {
            let rest = digits.dropFirst(2)
            return !rest.isEmpty && rest.allSatisfy { isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20) }
        }
        if digits.starts(with: Array("0o".utf8)) {
            let rest = digits.dropFirst(2)
            return !rest.isEmpty && rest.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }
        }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// The integer a plain scalar spells, decimal, 0x or 0o.
    static func intValue(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        var body = Substring(text)
        var sign = 1
        if body.hasPrefix("-") { sign = -1; body = body.dropFirst() } else if body.hasPrefix("+") { body = body.dropFirst() }
        if body.hasPrefix("0x") { return Int(body.dropFirst(2), radix: 16).map { $0 * sign } }
        if body.hasPrefix("0o") { return Int(body.dropFirst(2), radix: 8).map { $0 * sign } }
        return nil
    }

    package static func doubleValue(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: return Double(text)
        }
    }
}
