import TopographModel

/// Lookups over a diagram's tree that edge drawing needs: which containers exist, where
/// each node sits, which node to aim at when an edge targets a cluster.
struct DiagramIndex {
    var parent: [String: String] = [:]
    var containerIDs: Set<String> = []
    var firstNode: [String: String] = [:]
    var tiers: [String: Int] = [:]
    var labels: [String: String] = [:]
    var anchored: Set<String> = []

    init(_ diagram: Diagram) {
        func walk(_ items: [DiagramItem], parentID: String?) -> String? {
            var first: String?
            for item in items {
                switch item {
                case .node(let node):
                    if let parentID { parent[node.id] = parentID }
                    tiers[node.id] = node.category.tier
                    labels[node.id] = node.label
                    if first == nil { first = "r_" + node.id }
                case .container(let container):
                    if let parentID { parent[container.id] = parentID }
                    containerIDs.insert(container.id)
                    labels[container.id] = container.label
                    let inner = walk(container.children, parentID: container.id)
                    firstNode[container.id] = inner
                    if first == nil { first = inner }
                }
            }
            return first
        }
        _ = walk(diagram.items, parentID: nil)
        // A cluster needs an invisible anchor when it has no node of its own to aim at, or
        // when it is empty (Graphviz does not draw an empty cluster).
        for id in containerIDs where firstNode[id] == nil { anchored.insert(id) }
        for edge in diagram.edges {
            for (id, isContainer) in [(edge.from, edge.fromIsContainer), (edge.to, edge.toIsContainer)] where isContainer && firstNode[id] == nil {
                anchored.insert(id)
            }
        }
    }

    func needsAnchor(_ id: String) -> Bool { anchored.contains(id) }

    func anchor(of container: String) -> String {
        anchored.contains(container) ? "anchor_" + container : (firstNode[container] ?? "anchor_" + container)
    }

    func nodeName(_ id: String) -> String { "r_" + id }

    func tier(of id: String) -> Int? { tiers[id] }

    /// The innermost container holding both items (a container endpoint holds itself's
    /// inside only, so its parent counts); nil at the top level.
    func commonFrame(_ a: String, _ b: String) -> String? {
        func chain(_ id: String) -> [String] {
            var result: [String] = []
            var current = parent[id]
            while let next = current, result.count < 1000 {
                result.append(next)
                current = parent[next]
            }
            return result
        }
        let other = Set(chain(b))
        return chain(a).first { other.contains($0) }
    }

    func label(of id: String) -> String { labels[id] ?? id }

    /// The frame directly inside `common` (the top level when nil) that holds `id`; nil
    /// when `id` sits directly in `common`.
    func frameEntered(below common: String?, toward id: String) -> String? {
        var current = parent[id]
        var steps = 0
        while let next = current, steps < 1000 {
            if parent[next] == common { return next }
            if next == common { return nil }
            current = parent[next]
            steps += 1
        }
        return nil
    }

    /// Whether `id` sits (transitively) inside container `ancestor`.
    func isInside(_ id: String, _ ancestor: String) -> Bool {
        var current = parent[id]
        var steps = 0
        while let next = current, steps < 1000 {
            if next == ancestor { return true }
            current = parent[next]
            steps += 1
        }
        return id == ancestor
    }
}
