import TopographModel

/// What Graphviz is given to lay out at most. `dot`'s layout grows faster than linearly
/// with nodes and edges: 1,200 nodes and 3,250 edges take about 2 s, 1,800 and 4,875 about
/// 9 s, 2,900 and 7,800 about 55 s (2 busy cores), while 10,000 flat
/// resources reached 5 GB after 90 s and a 300 x 300 mesh 8 GB in 32 s. Past the budget
/// `render` draws the collapsed view and says so, and refuses when even that is over.
package struct LayoutBudget: Sendable, Hashable {
    package var maxNodes: Int
    package var maxEdges: Int

    package init(maxNodes: Int = 2_500, maxEdges: Int = 5_000) {
        self.maxNodes = maxNodes
        self.maxEdges = maxEdges
    }

    package static let `default` = LayoutBudget()

    /// Why `diagram` is over the budget, or nil when it fits. Containers count as nodes:
    /// Graphviz lays out each cluster too.
    package func excess(of diagram: Diagram) -> String? {
        let nodes = diagram.allNodes.count + diagram.allContainers.count
        let edges = diagram.edges.count
        var parts: [String] = []
        if nodes > maxNodes { parts.append("\(nodes) nodes (the budget is \(maxNodes))") }
        if edges > maxEdges { parts.append("\(edges) edges (the budget is \(maxEdges))") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    package struct Exceeded: TopographError {
        package var code: TopographErrorCode { .layoutTooLarge }
        package var description: String
    }
}
