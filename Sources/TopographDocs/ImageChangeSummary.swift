import Foundation
import TopographModel

/// What changed in a stale SVG or PNG, in words: a diff of coordinates tells a reviewer
/// nothing (a one-resource change moves every box), so `check` names the nodes, edges and
/// groups that appeared or went, and whether only the drawing moved.
package enum ImageChangeSummary {
    package static func describe(old: Data, new: Data) -> String {
        let oldFingerprint = LayoutFingerprint.read(old)
        let newFingerprint = LayoutFingerprint.read(new)
        if new.starts(with: PNGChunks.signature) {
            if oldFingerprint == newFingerprint, oldFingerprint != nil { return "same layout input, other pixels (another Graphviz or other fonts)" }
            return "layout input changed (PNG; see the SVG or the DOT for what changed)"
        }
        let before = elements(String(decoding: old, as: UTF8.self))
        let after = elements(String(decoding: new, as: UTF8.self))
        var parts: [String] = []
        for kind in ["node", "edge", "cluster"] {
            let was = before[kind] ?? []
            let now = after[kind] ?? []
            let added = now.subtracting(was).sorted()
            let removed = was.subtracting(now).sorted()
            if !added.isEmpty { parts.append("\(kind)s added: \(list(added))") }
            if !removed.isEmpty { parts.append("\(kind)s removed: \(list(removed))") }
        }
        if parts.isEmpty {
            if oldFingerprint == nil { return "drawn before layout fingerprints; same nodes, edges and groups" }
            if oldFingerprint == newFingerprint { return "same layout input, other bytes (another Graphviz version)" }
            return "same nodes, edges and groups; labels, styles or layout changed"
        }
        return parts.joined(separator: "; ")
    }

    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(8).joined(separator: ", ")
        return names.count > 8 ? "\(shown) and \(names.count - 8) more" : shown
    }

    /// The `<title>` of every `<g class="node|edge|cluster ...">`, by class. An edge label
    /// drawn as a node of its own (`label_eN`, on the edge `a -> label_eN -> b`) counts as
    /// the one edge `a -> b`.
    static func elements(_ svg: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        let pattern = #"<g id="[^"]*" class="(node|edge|cluster)(?: [^"]*)?">\s*<title>([^<]*)</title>"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [:] }
        let range = NSRange(svg.startIndex..., in: svg)
        for match in expression.matches(in: svg, range: range) {
            guard let kind = Range(match.range(at: 1), in: svg), let title = Range(match.range(at: 2), in: svg) else { continue }
            result[String(svg[kind]), default: []].insert(resourceNames(unescaped(String(svg[title]))))
        }
        result["node"] = result["node"]?.filter { !$0.hasPrefix("label_e") }
        var into: [String: String] = [:]
        var out: [String: String] = [:]
        var edges: Set<String> = []
        for edge in result["edge"] ?? [] {
            let ends = edge.components(separatedBy: " -> ")
            if ends.count == 2, ends[1].hasPrefix("label_e") { into[ends[1]] = ends[0] } else if ends.count == 2, ends[0].hasPrefix("label_e") { out[ends[0]] = ends[1] } else { edges.insert(edge) }
        }
        for (label, tail) in into { if let head = out[label] { edges.insert("\(tail) -> \(head)") } }
        if result["edge"] != nil { result["edge"] = edges }
        return result
    }

    /// The renderer's DOT ids (`r_web`, `cluster_vpc`, `r_a->r_b`) shown as resource ids.
    private static func resourceNames(_ title: String) -> String {
        title.components(separatedBy: "->").map { part in
            for prefix in ["r_", "cluster_"] where part.hasPrefix(prefix) { return String(part.dropFirst(prefix.count)) }
            return part
        }.joined(separator: " -> ")
    }

    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
