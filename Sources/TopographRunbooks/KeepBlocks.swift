import TopographModel
import TopographDiff

/// Text between `<!-- topograph:keep NAME -->` and `<!-- /topograph:keep -->` belongs to
/// the people who run the runbook: regeneration carries it from the existing file into the
/// new one, block by block, by name.
package enum KeepBlocks {
    static let open = "<!-- topograph:keep "
    static let close = "<!-- /topograph:keep -->"

    /// The blocks of `text`, by name, with their content.
    package static func blocks(in text: String) -> [String: Substring] {
        var result: [String: Substring] = [:]
        var rest = text[...]
        while let start = rest.range(of: open) {
            guard let nameEnd = rest[start.upperBound...].range(of: " -->") else { break }
            let name = String(rest[start.upperBound..<nameEnd.lowerBound])
            guard let end = rest[nameEnd.upperBound...].range(of: close) else { break }
            result[name] = rest[nameEnd.upperBound..<end.lowerBound]
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// `generated` with every keep block's content replaced by the same block's content in
    /// `existing`. Blocks the new runbook no longer has are appended at the end, so nothing
    /// a person wrote is dropped.
    package static func merge(generated: String, existing: String?) -> String {
        guard let existing else { return generated }
        var kept = blocks(in: existing)
        guard !kept.isEmpty else { return generated }
        var output = ""
        var rest = generated[...]
        while let start = rest.range(of: open), let nameEnd = rest[start.upperBound...].range(of: " -->"),
              let end = rest[nameEnd.upperBound...].range(of: close) {
            let name = String(rest[start.upperBound..<nameEnd.lowerBound])
            output += rest[..<nameEnd.upperBound]
            output += kept.removeValue(forKey: name) ?? rest[nameEnd.upperBound..<end.lowerBound]
            output += close
            rest = rest[end.upperBound...]
        }
        output += rest
        let orphans = kept.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !$0.value.contains("Notes kept across regenerations") }
        if !orphans.isEmpty {
            output += "\n## Kept notes whose section is gone\n"
            for (name, content) in orphans.sorted(by: { $0.key < $1.key }) {
                output += "\n\(open)\(name) -->\(content)\(close)\n"
            }
        }
        return output
    }
}
