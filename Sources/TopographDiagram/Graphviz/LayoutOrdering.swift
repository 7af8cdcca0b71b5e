import Foundation
import TopographModel

/// The order a diagram's siblings are fed to Graphviz in.
///
/// dot's crossing minimisation is a heuristic that starts from the input order, and on
/// nested AWS frames (cloud, region, VPC, zone, subnet) it often settles on a layout with
/// crossings that another start avoids. So a small diagram is laid out from a few fixed
/// orders and the one whose drawing has the fewest crossings is kept (`StageRenderer`).
/// Orders are keyed by resource id, not by position: two stages laid out with the same
/// ordering feed persistent resources to Graphviz in the same relative order, which is what
/// keeps them in place from stage to stage. Containers keep their file order (zone a before
/// zone b); only whether a container's nodes come before or after its sub-frames and the
/// order of its nodes vary.
struct LayoutOrdering: Sendable, Hashable {
    /// 0 is the file order, the only one used for big diagrams.
    var seed: Int
    /// Where edge labels sit: one frame further in on the tail's or the head's side lets an
    /// edge between deep frames run inside a frame it crosses instead of around it.
    var labels: EdgeLabelPlacement = .commonFrame

    static let fileOrder = LayoutOrdering(seed: 0)
    /// Sixteen orders, each with labels in the common frame or beside the tail. Over the
    /// corpus, orders alone took crossings from 22 to 12 (8 orders: 14; 32 no fewer); with
    /// both placements, 8; beside-the-head as a third whole-diagram placement found no fewer
    /// and moved persistent resources more (it is tried per edge by the untangling pass).
    static let candidates = (0..<16).flatMap { seed in
        [EdgeLabelPlacement.commonFrame, .besideTail].map { LayoutOrdering(seed: seed, labels: $0) }
    }
    /// Where the renderer puts edge labels under this ordering.
    func graphviz(_ options: GraphvizOptions) -> GraphvizOptions {
        var options = options
        options.labelPlacement = labels
        return options
    }
    /// Above this many nodes one layout is all the time allows. Scoring grows with the square
    /// of the edges (about 90 ms a candidate at 123 nodes, release build), so at 150 the
    /// 100-service benchmark's full view took 55-68x `dot`; 60 is where `--view auto` starts
    /// drawing the collapsed view anyway, and the corpus's largest stage has 47 nodes.
    static let searchLimit = 60
    /// Stages a topology may have for its diagrams to be searched at all: the joint choice
    /// lays out every candidate for every stage, which a 100-stage file (the leak check's)
    /// would turn into thousands of layouts. Longer files keep the file order, still stable.
    static let groupLimit = 8

    func apply(_ diagram: Diagram) -> Diagram {
        guard seed != 0 else { return diagram }
        var ordered = diagram
        ordered.items = reorder(diagram.items)
        return ordered
    }

    private func reorder(_ items: [DiagramItem]) -> [DiagramItem] {
        var nodes: [DiagramNode] = []
        var containers: [DiagramItem] = []
        for item in items {
            switch item {
            case .node(let node):
                nodes.append(node)
            case .container(var container):
                container.children = reorder(container.children)
                containers.append(.container(container))
            }
        }
        if seed >= 2 {
            let keyed = nodes.map { (key: Self.hash("\(seed / 2):\($0.resource)"), node: $0) }
            nodes = keyed.sorted { $0.key != $1.key ? $0.key < $1.key : $0.node.id < $1.node.id }.map(\.node)
        }
        let nodeItems = nodes.map(DiagramItem.node)
        return seed % 2 == 1 ? containers + nodeItems : nodeItems + containers
    }

    /// FNV-1a: stable across runs and machines, unlike Swift's seeded `Hasher`.
    private static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return value
    }
}

/// Orderings already chosen in this process, by the file-order DOT of every diagram of the
/// group: rendering stage after stage (or SVG after PNG) searches once.
final class LayoutOrderingCache: @unchecked Sendable {
    static let shared = LayoutOrderingCache()
    private let chosen = Locked<[[String]: LayoutOrdering]>([:])

    /// The search runs outside the lock, so other diagrams lay out meanwhile.
    func ordering(for key: [String], search: () throws -> LayoutOrdering) rethrows -> LayoutOrdering {
        if let known = chosen.withLock({ $0[key] }) { return known }
        let found = try search()
        chosen.withLock { $0[key] = found }
        return found
    }
}
