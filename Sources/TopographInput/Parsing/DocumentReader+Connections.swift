import Foundation
import Yams
import TopographModel

/// Connections: the short `from -> to: label` form and the long mapping form.
extension DocumentReader {
    mutating func readConnections(_ node: Node) -> [Connection] {
        guard case .sequence(let sequence) = node else {
            if case .scalar = node, ScalarType.of(node) == .null { return [] }
            bag.error(.notAList, "`connections` must be a list, found \(describe(node))", at: location(node), help: "write one `- from -> to` per line")
            return []
        }
        var connections: [Connection] = []
        for item in sequence {
            guard visit() else { break }
            if let connection = readConnection(item) { connections.append(connection) }
        }
        return connections
    }

    mutating func readConnection(_ node: Node) -> Connection? {
        switch node {
        case .scalar(let scalar):
            return shortConnection(scalar, node: node, label: nil, extra: nil)
        case .mapping(let mapping):
            let pairs = Array(mapping)
            if pairs.count == 1, case .scalar(let keyScalar) = pairs[0].key, keyScalar.string.contains("->") {
                let value = pairs[0].value
                switch value {
                case .scalar(let labelScalar):
                    let label = ScalarType.of(value) == .null ? nil : labelScalar.string
                    return shortConnection(keyScalar, node: pairs[0].key, label: label, extra: nil)
                case .mapping(let extra):
                    return shortConnection(keyScalar, node: pairs[0].key, label: nil, extra: extra)
                default:
                    bag.error(.invalidConnection, "the label of '\(keyScalar.string)' must be text, found \(describe(value))", at: location(value), help: "write `- a -> b: label`")
                    return nil
                }
            }
            return longConnection(mapping, node: node)
        default:
            bag.error(
                .invalidConnection, "a connection must be `from -> to`, `from -> to: label` or a mapping with `from` and `to`; found \(describe(node))",
                at: location(node), help: "write `- web -> sessions: read/write sessions`")
            return nil
        }
    }

    mutating func shortConnection(_ scalar: Node.Scalar, node: Node, label: String?, extra: Node.Mapping?) -> Connection? {
        let text = scalar.string
        let at = location(node)
        guard let split = Self.splitArrow(text) else {
            bag.error(
                .invalidConnection, "'\(text)' is not a connection: expected exactly one `->` between two ids",
                at: at, help: "write `from -> to`, e.g. `alb -> web`")
            return nil
        }
        let (from, to, fromOffset, toOffset) = split
        guard !from.isEmpty, !to.isEmpty else {
            bag.error(.invalidConnection, "'\(text)' is missing an id on one side of `->`", at: at, help: "write `from -> to`, e.g. `alb -> web`")
            return nil
        }
        // Point at each id inside the string when it is written plain on one line.
        var fromLocation = at
        var toLocation = at
        if scalar.style == .plain || scalar.style == .any {
            fromLocation.column = at.column + fromOffset
            toLocation.column = at.column + toOffset
        }
        var connection = Connection(from: from, to: to, label: label, location: at, fromLocation: fromLocation, toLocation: toLocation)
        if let extra {
            let entries = keyedEntries(extra, allowed: ["label", "port", "protocol", "via", "notes"], context: "connection key", help: "free text belongs in `notes:`")
            applyConnectionDetails(&connection, entries)
        }
        return connection
    }

    /// `a -> b` split into its two trimmed ids and their offsets (in Unicode scalars);
    /// nil unless there is exactly one arrow. Written by hand on UTF-8 bytes because this
    /// runs once per connection: Foundation's string searching dominated large files, and
    /// then copying the text into an array of scalars and back (15,000 instructions a
    /// connection). `-`, `>`, space and tab are ASCII, which never occurs inside a
    /// multi-byte sequence, so byte positions split the text where scalars would.
    static func splitArrow(_ text: String) -> (String, String, Int, Int)? {
        let bytes = Array(text.utf8)
        let dash = UInt8(ascii: "-"), greater = UInt8(ascii: ">"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var arrow: Int?
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == dash, bytes[index + 1] == greater {
                if arrow != nil { return nil }
                arrow = index
                index += 2
                continue
            }
            index += 1
        }
        guard let arrow else { return nil }
        func trimmed(_ range: Range<Int>) -> (String, Int) {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, bytes[lower] == space || bytes[lower] == tab { lower += 1 }
            while upper > lower, bytes[upper - 1] == space || bytes[upper - 1] == tab { upper -= 1 }
            // The offset in scalars: the bytes before `lower` that start a scalar.
            let offset = bytes[..<lower].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            return (String(decoding: bytes[lower..<upper], as: UTF8.self), offset)
        }
        let (from, fromOffset) = trimmed(0..<arrow)
        let (to, toOffset) = trimmed((arrow + 2)..<bytes.count)
        return (from, to, fromOffset, toOffset)
    }

    mutating func longConnection(_ mapping: Node.Mapping, node: Node) -> Connection? {
        let entries = keyedEntries(mapping, allowed: TopologyParser.connectionKeys, context: "connection key", help: "free text belongs in `notes:`")
        guard let fromEntry = entries["from"], let toEntry = entries["to"] else {
            let missing = entries["from"] == nil ? "from" : "to"
            bag.error(.missingKey, "connection is missing `\(missing)`", at: location(node), help: "write `{ from: a, to: b }` or the short form `a -> b`")
            return nil
        }
        guard let from = scalarString(fromEntry.1, "from"), let to = scalarString(toEntry.1, "to") else { return nil }
        var connection = Connection(
            from: from, to: to, location: location(node),
            fromLocation: location(fromEntry.1), toLocation: location(toEntry.1))
        applyConnectionDetails(&connection, entries)
        return connection
    }

    mutating func applyConnectionDetails(_ connection: inout Connection, _ entries: [String: (Node, Node)]) {
        if let (_, node) = entries["label"] { connection.label = scalarString(node, "label") }
        if let (_, node) = entries["protocol"] { connection.protocol = scalarString(node, "protocol") }
        if let (_, node) = entries["via"] { connection.via = scalarString(node, "via") }
        if let (_, node) = entries["notes"] { connection.notes = scalarString(node, "notes") }
        if let (_, node) = entries["port"] {
            if case .scalar(let scalar) = node, let port = Int(scalar.string), (1...65535).contains(port) {
                connection.port = port
            } else {
                bag.error(.invalidType, "`port` must be a number from 1 to 65535, found \(describe(node))", at: location(node), help: "write e.g. `port: 6379`")
            }
        }
    }
}
