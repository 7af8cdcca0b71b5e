import Foundation
import TopographModel

/// A stage's Graphviz SVG made ready to sit inline in the page beside the other stages:
/// the XML prolog and comments go, every element id gets the stage's prefix (ids are
/// unique in one HTML document), each icon `<symbol>` moves to the page's shared
/// definitions (`IconDefinitions`: the same icon once for every stage), and every drawn
/// resource gets its hooks: `data-resource`, a tab stop and an accessible name.
/// Graphviz writes these elements in one fixed form (`<g id="…" class="…">`), which is
/// what is read here; anything else passes through untouched.
struct StageSVG {
    /// The inline `<svg>` element.
    var markup: String
    /// Resources the drawing shows as themselves (not merged into a collapsed group).
    var drawn: Set<String>

    init(svg data: Data, stageIndex: Int, resources: [String: Resource], icons: inout IconDefinitions) {
        var text = String(decoding: data, as: UTF8.self)
        // Searches by bytes (firstUTF8Range): the markup is long and searched many times.
        if let start = text.firstUTF8Range(of: "<svg ") { text = String(text[start.lowerBound...]) }
        text = Self.movingIcons(text, to: &icons)
        let prefix = "s\(stageIndex)-"
        var drawn: Set<String> = []
        var result = ""
        result.reserveCapacity(text.utf8.count + resources.count * 64)
        var rest = Substring(text)
        while let open = rest.firstUTF8Range(of: "<g id=\"") {
            result += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            guard let idEnd = rest.firstIndex(of: "\"") else { break }
            let id = String(rest[..<idEnd])
            rest = rest[rest.index(after: idEnd)...]
            var element = "<g id=\"\(prefix)\(id)\""
            if rest.hasPrefix(" class=\""), let classEnd = rest.dropFirst(8).firstIndex(of: "\"") {
                let classes = String(rest[rest.index(rest.startIndex, offsetBy: 8)..<classEnd])
                element += " class=\"\(classes)\""
                rest = rest[rest.index(after: classEnd)...]
                if let resource = Self.resource(id: Self.decoded(id), classes: Self.decoded(classes), in: resources) {
                    drawn.insert(resource.id)
                    element += " data-resource=\"\(HTMLText.escaped(resource.id))\" tabindex=\"0\" role=\"button\""
                        + " aria-label=\"\(HTMLText.escaped(resource.label))\""
                } else if let ends = Self.edgeEnds(id: Self.decoded(id), classes: classes) {
                    element += " data-from=\"\(HTMLText.escaped(ends.0))\" data-to=\"\(HTMLText.escaped(ends.1))\""
                }
            }
            result += element
        }
        result += rest
        markup = result
        self.drawn = drawn
    }

    /// Graphviz escapes `-` in ids and classes as `&#45;`; resource ids hold only
    /// `a-z`, `0-9` and `-`, so that is the one entity to undo.
    static func decoded(_ text: String) -> String {
        text.replacingOccurrences(of: "&#45;", with: "-")
    }

    /// The resource a node (`r_<id>`, class `tg-res-<resource>`) or a container frame
    /// (`cluster_<id>`, or `cluster_<id>@<subnet>` for a per-subnet copy) draws.
    static func resource(id: String, classes: String, in resources: [String: Resource]) -> Resource? {
        if classes.hasPrefix("node "), id.hasPrefix("r_") {
            let token = classes.split(separator: " ").first { $0.hasPrefix("tg-res-") }
            return token.flatMap { resources[String($0.dropFirst(7))] }
        }
        if classes.hasPrefix("cluster"), id.hasPrefix("cluster_") {
            let name = id.dropFirst(8).split(separator: "@", omittingEmptySubsequences: false).first ?? ""
            return resources[String(name)]
        }
        return nil
    }

    /// `e<n>_<from>_<to>` (and the `_to` half of an edge drawn through its label node).
    static func edgeEnds(id: String, classes: String) -> (String, String)? {
        guard classes == "edge", id.hasPrefix("e") else { return nil }
        let parts = id.split(separator: "_")
        guard parts.count >= 3, parts[0].dropFirst().allSatisfy(\.isNumber) else { return nil }
        return (String(parts[1]), String(parts[2]))
    }

    /// Takes the `<defs>` block of `<symbol>`s `GraphvizOutput` puts first in the SVG out,
    /// registers each icon with the page, and points the `<use>`s at the page's ids.
    static func movingIcons(_ svg: String, to icons: inout IconDefinitions) -> String {
        guard let defsStart = svg.firstUTF8Range(of: "\n<defs>\n<symbol id=\""),
              let defsEnd = svg[defsStart.upperBound...].firstUTF8Range(of: "</defs>") else { return svg }
        var renamed: [String: String] = [:]
        for line in svg[defsStart.upperBound..<defsEnd.lowerBound].split(separator: "\n") {
            let symbol = "<symbol id=\"" + line.drop { $0 != "\"" }.dropFirst()
            guard let localEnd = symbol.dropFirst(12).firstIndex(of: "\"") else { continue }
            let local = String(symbol[symbol.index(symbol.startIndex, offsetBy: 12)..<localEnd])
            let body = String(symbol[symbol.index(after: localEnd)...])
            renamed[local] = icons.id(for: body)
        }
        let text = String(svg[..<defsStart.lowerBound]) + String(svg[defsEnd.upperBound...])
        // One pass: a rename must not be renamed again (local `tg-icon-1` may be shared `tg-icon-2`).
        let reference = "xlink:href=\"#"
        var result = ""
        var rest = Substring(text)
        while let found = rest.firstUTF8Range(of: reference) {
            result += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let local = String(rest[..<end])
            result += renamed[local] ?? local
            rest = rest[end...]
        }
        result += rest
        return result
    }
}

/// The page's icons, each once, shared by every stage's drawing.
struct IconDefinitions {
    private var ids: [String: String] = [:]
    private var order: [String] = []

    /// The page-wide id of the symbol whose content (everything after its id) is `body`.
    mutating func id(for body: String) -> String {
        if let known = ids[body] { return known }
        let id = "tg-icon-\(order.count + 1)"
        ids[body] = id
        order.append(body)
        return id
    }

    /// One hidden `<svg>` holding every symbol.
    var markup: String {
        guard !order.isEmpty else { return "" }
        let symbols = order.map { "<symbol id=\"\(ids[$0]!)\"\($0)" }.joined(separator: "\n")
        return "<svg class=\"tg-icons\" aria-hidden=\"true\" width=\"0\" height=\"0\"><defs>\n\(symbols)\n</defs></svg>"
    }
}
