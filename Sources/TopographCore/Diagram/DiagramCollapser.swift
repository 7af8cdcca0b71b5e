/// Makes a big diagram small enough to render: within each container, nodes of the same
/// kind (three or more) become one node "N × kind", and their edges merge. Mermaid as
/// GitHub runs it refuses more than 500 edges and blanks anything over 50,000 characters;
/// a collapsed view keeps the shape of the architecture under both limits.
public struct DiagramCollapser: Sendable {
    public var minimumGroup: Int

    public init(minimumGroup: Int = 3) {
        self.minimumGroup = minimumGroup
    }

    public func collapse(_ diagram: Diagram) -> Diagram {
        var representative: [String: String] = [:]
        func collapseItems(_ items: [DiagramItem], scope: String) -> [DiagramItem] {
            var groups: [String: [DiagramNode]] = [:]
            for case .node(let node) in items { groups[node.kind, default: []].append(node) }
            var emitted: Set<String> = []
            var result: [DiagramItem] = []
            for item in items {
                switch item {
                case .container(var container):
                    container.children = collapseItems(container.children, scope: container.id)
                    result.append(.container(container))
                case .node(let node):
                    let group = groups[node.kind] ?? []
                    guard group.count >= minimumGroup else {
                        result.append(item)
                        continue
                    }
                    let groupID = "\(scope)--\(node.kind)--group"
                    for member in group { representative[member.id] = groupID }
                    guard emitted.insert(node.kind).inserted else { continue }
                    var merged = node
                    merged.id = groupID
                    merged.label = "\(group.count) × \(KindCatalog.spec(node.kind)?.title ?? node.kind)"
                    merged.caption = group.prefix(3).map(\.label).joined(separator: ", ") + (group.count > 3 ? ", …" : "")
                    merged.link = nil
                    merged.spans = []
                    merged.count = group.reduce(0) { $0 + $1.count }
                    merged.mark = Set(group.compactMap(\.mark)).count == 1 && group.allSatisfy({ $0.mark != nil }) ? node.mark : nil
                    result.append(.node(merged))
                }
            }
            return result
        }
        var result = diagram
        result.items = collapseItems(diagram.items, scope: "top")
        var merged: [String: Int] = [:]
        var edges: [DiagramEdge] = []
        for edge in diagram.edges {
            var edge = edge
            edge.from = representative[edge.from] ?? edge.from
            edge.to = representative[edge.to] ?? edge.to
            let key = "\(edge.from)\u{0}\(edge.to)"
            if let index = merged[key] {
                edges[index].count += edge.count
                if edges[index].label != edge.label { edges[index].label = nil }
                if edges[index].mark != edge.mark { edges[index].mark = nil }
            } else {
                merged[key] = edges.count
                edges.append(edge)
            }
        }
        for index in edges.indices where edges[index].count > 1 {
            let base = edges[index].label.map { "\($0) " } ?? ""
            edges[index].label = "\(base)×\(edges[index].count)"
        }
        result.edges = edges
        return result
    }
}
