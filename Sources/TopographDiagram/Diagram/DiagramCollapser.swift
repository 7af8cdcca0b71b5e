import TopographModel

/// Makes a big diagram small enough to render. Within each container, sibling containers
/// of the same kind (three or more ECS clusters, say) merge into one "N × kind" container,
/// then sibling nodes of the same kind merge into one "N × kind" node, and their edges
/// merge. Mermaid as GitHub runs it refuses more than 500 edges and blanks anything over
/// 50,000 characters; the collapsed view keeps the shape of the architecture under both.
package struct DiagramCollapser: Sendable {
    package var minimumGroup: Int
    /// A diff diagram never folds a changed element into a group: marked nodes and
    /// containers stay themselves, only unmarked siblings merge.
    package var keepsMarked: Bool

    package init(minimumGroup: Int = 3, keepsMarked: Bool = false) {
        self.minimumGroup = minimumGroup
        self.keepsMarked = keepsMarked
    }

    package func collapse(_ diagram: Diagram) -> Diagram {
        var representative: [String: String] = [:]
        var result = diagram
        result.items = collapseItems(diagram.items, scope: "top", representative: &representative)
        result.edges = mergeEdges(diagram.edges, representative: representative)
        return result
    }

    private func collapseItems(_ items: [DiagramItem], scope: String, representative: inout [String: String]) -> [DiagramItem] {
        var nodeGroups: [String: [DiagramNode]] = [:]
        var containerGroups: [String: [DiagramContainer]] = [:]
        for item in items {
            switch item {
            case .node(let node) where !(keepsMarked && node.mark != nil): nodeGroups[node.kind, default: []].append(node)
            case .container(let container) where !(keepsMarked && container.mark != nil): containerGroups[container.kind, default: []].append(container)
            default: break
            }
        }
        var emittedNodeKinds: Set<String> = []
        var emittedContainerKinds: Set<String> = []
        var result: [DiagramItem] = []
        for item in items {
            switch item {
            case .container(let container):
                let group = containerGroups[container.kind] ?? []
                if group.count < minimumGroup || (keepsMarked && container.mark != nil) {
                    var kept = container
                    kept.children = collapseItems(container.children, scope: container.id, representative: &representative)
                    result.append(.container(kept))
                    continue
                }
                guard emittedContainerKinds.insert(container.kind).inserted else { continue }
                let groupID = "\(scope)--\(container.kind)--group"
                for member in group {
                    representative[member.id] = groupID
                }
                var merged = container
                merged.id = groupID
                merged.label = "\(group.count) × \(KindCatalog.spec(container.kind)?.title ?? container.kind)"
                merged.caption = Self.sample(group.map(\.label))
                merged.link = nil
                merged.mark = Self.commonMark(group.map(\.mark))
                merged.children = collapseItems(group.flatMap(\.children), scope: groupID, representative: &representative)
                result.append(.container(merged))
            case .node(let node):
                let group = nodeGroups[node.kind] ?? []
                guard group.count >= minimumGroup, !(keepsMarked && node.mark != nil) else {
                    result.append(item)
                    continue
                }
                guard emittedNodeKinds.insert(node.kind).inserted else { continue }
                let groupID = "\(scope)--\(node.kind)--group"
                for member in group { representative[member.id] = groupID }
                var merged = node
                merged.id = groupID
                merged.label = "\(group.count) × \(KindCatalog.spec(node.kind)?.title ?? node.kind)"
                merged.caption = Self.sample(group.map(\.label))
                merged.link = nil
                merged.spans = []
                merged.placements = []
                merged.resource = groupID
                merged.name = nil
                merged.count = group.reduce(0) { $0 + $1.count }
                merged.mark = Self.commonMark(group.map(\.mark))
                result.append(.node(merged))
            }
        }
        return result
    }

    /// Follows merges transitively: a node merged into a group that was itself merged.
    private func resolve(_ id: String, _ representative: [String: String]) -> String {
        var current = id
        var steps = 0
        while let next = representative[current], next != current, steps < 64 {
            current = next
            steps += 1
        }
        return current
    }

    private func mergeEdges(_ edges: [DiagramEdge], representative: [String: String]) -> [DiagramEdge] {
        var merged: [String: Int] = [:]
        var result: [DiagramEdge] = []
        for edge in edges {
            var edge = edge
            edge.from = resolve(edge.from, representative)
            edge.to = resolve(edge.to, representative)
            let key = "\(edge.from)\u{0}\(edge.to)"
            if let index = merged[key] {
                result[index].count += edge.count
                if result[index].label != edge.label { result[index].label = nil }
                if result[index].mark != edge.mark { result[index].mark = nil }
            } else {
                merged[key] = result.count
                result.append(edge)
            }
        }
        for index in result.indices where result[index].count > 1 {
            let base = result[index].label.map { "\($0) " } ?? ""
            result[index].label = "\(base)×\(result[index].count)"
        }
        return result
    }

    private static func sample(_ labels: [String]) -> String {
        labels.prefix(3).joined(separator: ", ") + (labels.count > 3 ? ", …" : "")
    }

    private static func commonMark(_ marks: [DiffMark?]) -> DiffMark? {
        guard let first = marks.first, let mark = first, marks.allSatisfy({ $0 == mark }) else { return nil }
        return mark
    }
}
