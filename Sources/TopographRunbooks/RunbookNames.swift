import Foundation
import TopographModel

/// Names and words the builder derives: shell variable names from ids, generated AWS names
/// made valid (truncated with a stable hash suffix), and JMESPath look-ups whose literals
/// are JSON, so a name can never close the query or the shell word around it.
package enum RunbookNames {
    /// Shell variable names: `web-app` -> `WEB_APP` (ids are slugs, so this is `[A-Z0-9_]`).
    package static func variable(_ id: String) -> String {
        let upper = id.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        return upper.first?.isNumber == true ? "R_" + upper : upper
    }

    /// `value` as a JMESPath JSON literal: `` `"shop-web"` ``.
    package static func literal(_ value: String) -> String {
        let data = (try? JSONEncoder().encode(value)) ?? Data("\"\"".utf8)
        let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "`", with: "\\`")
        return "`" + json + "`"
    }

    /// `Collection[?Field==`"value"`].Select | [0]`, as one shell word.
    package static func lookup(_ collection: String, _ field: String, _ value: String, select: String) -> ShellWord {
        ShellWord("\(collection)[?\(field)==\(literal(value))].\(select) | [0]")
    }

    /// A name that fits AWS's `[A-Za-z0-9-]{1,limit}` rule with no leading or trailing hyphen:
    /// unchanged when it already fits, else truncated and suffixed with a stable 6-hex hash of
    /// the full name, so two long names stay distinct and a rerun gets the same name.
    package static func valid(_ name: String, limit: Int) -> String {
        var cleaned = name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
        while cleaned.contains("--") { cleaned = cleaned.replacingOccurrences(of: "--", with: "-") }
        cleaned = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        if cleaned == name, !cleaned.isEmpty, cleaned.count <= limit { return cleaned }
        let hash = String(format: "%06x", fnv1a(name) & 0xFFFFFF)
        let head = String(cleaned.prefix(limit - 7)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return head.isEmpty ? "tg-\(hash)" : "\(head)-\(hash)"
    }

    /// The resource's AWS name: `name:` when written (validate has checked it), else its id
    /// made valid for the kind's rule (a load balancer may not start with `internal-`, a
    /// target group or load balancer has at most 32 characters, ...).
    package static func awsName(_ resource: Resource) -> String {
        if resource.fields["name"] != nil { return resource.name }
        guard let rule = AWSValueRules.names[resource.kind], rule.problem(resource.id) != nil else { return resource.id }
        var base = resource.id
        if base.hasPrefix("internal-") { base = "int-" + base.dropFirst("internal-".count) }
        let candidate = valid(base, limit: rule.maxLength)
        return rule.problem(candidate) == nil ? candidate : valid("\(resource.kind.rawValue)-\(resource.id)", limit: rule.maxLength)
    }

    /// The stage with every defaulted name made valid, which the builders read.
    package static func withAWSNames(_ stage: StageTopology) -> StageTopology {
        let resources = stage.resources.map { resource -> Resource in
            var copy = resource
            if copy.fields["name"] == nil, AWSValueRules.names[copy.kind] != nil { copy.fields["name"] = .string(awsName(resource)) }
            return copy
        }
        return StageTopology(metadata: stage.metadata, stage: stage.stage, resources: resources, connections: stage.connections, lintIgnores: stage.lintIgnores, file: stage.file)
    }

    static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }

    /// A path a smoke test can call for a route path: `{param}` -> `1`, `{proxy+}` -> the
    /// health-check path's last segment, kept to URL-safe characters.
    package static func samplePath(_ path: String, greedy: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { segment -> String in
            let text = String(segment)
            if text.hasPrefix("{") && text.hasSuffix("+}") { return greedy }
            if text.hasPrefix("{") { return "1" }
            return text
        }.filter { !$0.isEmpty }
        let joined = "/" + segments.joined(separator: "/")
        return String(joined.unicodeScalars.filter { CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/").contains($0) }.map(Character.init))
    }

    static func pathOf(route: String) -> (method: String, path: String) {
        let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : ("ANY", route)
    }

    /// Shell words for subnet ids: the variables of the given subnets.
    static func subnetWords(_ ids: [String]) -> String {
        ids.map { "\"$SUBNET_\(variable($0))\"" }.joined(separator: " ")
    }

    static func subnetList(_ ids: [String]) -> String {
        ids.map { "$SUBNET_\(variable($0))" }.joined(separator: ",")
    }
}
