import Foundation

/// The one way Topograph writes JSON for people and tools (lint, diff, drift, validate, the
/// schema, runbook payloads): pretty-printed, keys sorted and slashes unescaped, so the same
/// input gives the same bytes and a reviewer can diff two outputs line by line.
package enum JSONOutput {
    /// `value` as JSON text ending in a newline.
    package static func text(_ value: some Encodable) throws -> String {
        try String(decoding: data(value), as: UTF8.self) + "\n"
    }

    package static func data(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

extension JSONOutput {
    /// Keys sorted like `data(_:)`, without the whitespace: JSON a program reads (the
    /// interactive page's data block), where every byte counts.
    package static func compactData(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// `compactData(_:)` as text: a one-line JSON argument of a runbook command.
    package static func compactText(_ value: some Encodable) throws -> String {
        try String(decoding: compactData(value), as: UTF8.self)
    }
}
