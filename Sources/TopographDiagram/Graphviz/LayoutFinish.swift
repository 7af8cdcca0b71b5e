import CGraphviz
import TopographModel

/// A node to draw on a frame's border after layout (`r_igw` on `cluster_vpc`).
struct BorderPlacement: Sendable, Hashable {
    var node: String
    var frame: String
}

/// What is adjusted between layout and rendering: nodes put on frame borders, and sibling
/// frames (availability zones) widened to one common extent across the flow.
struct LayoutFinish: Sendable, Hashable {
    var onBorders: [BorderPlacement] = []
    /// Groups of sibling cluster names (`cluster_az-a`, `cluster_az-b`).
    var alignedFrames: [[String]] = []
    /// Left to right: zones stack vertically and share their left and right edges; top to
    /// bottom: they stand side by side and share top and bottom.
    var leftToRight = true

    static let none = LayoutFinish()
}

extension LayoutFinish {
    /// What a laid-out diagram asks for: each internet gateway without traffic edges on its
    /// VPC's border (moving one with edges would detach them), and the availability zones
    /// of each VPC aligned.
    init(for diagram: Diagram) {
        let touched = Set(diagram.edges.filter { $0.style != .layout }.flatMap { [$0.from, $0.to] })
        let kinds = Dictionary(diagram.allNodes.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        onBorders = diagram.edges.compactMap { edge in
            guard edge.style == .layout, edge.toIsContainer, kinds[edge.from] == KindID.internetGateway.rawValue, !touched.contains(edge.from) else { return nil }
            return BorderPlacement(node: "r_" + edge.from, frame: "cluster_" + edge.to)
        }
        var zones: [String: [String]] = [:]
        func collect(_ items: [DiagramItem], parent: String) {
            for case .container(let container) in items {
                if container.style == .availabilityZone { zones[parent, default: []].append("cluster_" + container.id) }
                collect(container.children, parent: container.id)
            }
        }
        collect(diagram.items, parent: "")
        alignedFrames = zones.keys.sorted().compactMap { zones[$0]!.count > 1 ? zones[$0] : nil }
        leftToRight = diagram.direction == .leftToRight
    }
}

/// The finishing itself: C-side moves of a laid-out graph, checked against its geometry.
extension LayoutFinish {
    /// Moves what the layout placed (the lock is held: only `GraphvizEngine` calls this).
    func apply(to graph: UnsafeMutablePointer<Agraph_t>) {
        Self.align(alignedFrames, leftToRight: leftToRight, in: graph)
        Self.place(onBorders, in: graph)
    }

    /// Widens each group of sibling frames to their common extent across the flow, so
    /// availability zones line up as AWS draws them (one band per zone, equally long).
    /// A frame is widened only over empty space: no other node, frame, title or unrelated
    /// edge may lie where it grows.
    private static func align(_ groups: [[String]], leftToRight: Bool, in graph: UnsafeMutablePointer<Agraph_t>) {
        guard !groups.isEmpty else { return }
        let geometry = LayoutGeometry(laidOut: graph)
        let curves = geometry.edges.map { LayoutScore.flatten($0.controlPoints) }
        let curveBounds = curves.map(LayoutScore.bounds)
        var subgraphs: [String: UnsafeMutablePointer<Agraph_t>] = [:]
        func collect(_ parent: UnsafeMutablePointer<Agraph_t>) {
            var sub = agfstsubg(parent)
            while let current = sub {
                subgraphs[String(cString: agnameof(UnsafeMutableRawPointer(current)))] = current
                collect(current)
                sub = agnxtsubg(current)
            }
        }
        collect(graph)
        func encloses(_ outer: LayoutGeometry.Box, _ inner: LayoutGeometry.Box) -> Bool {
            outer.minX <= inner.minX && inner.maxX <= outer.maxX && outer.minY <= inner.minY && inner.maxY <= outer.maxY
        }
        for group in groups {
            let frames = group.compactMap { name in geometry.clusters.first { $0.name == name } }
            guard frames.count > 1 else { continue }
            let low = frames.map { leftToRight ? $0.box.minX : $0.box.minY }.min()!
            let high = frames.map { leftToRight ? $0.box.maxX : $0.box.maxY }.max()!
            for frame in frames {
                let old = frame.box
                var grown = old
                if leftToRight { grown.minX = low; grown.maxX = high } else { grown.minY = low; grown.maxY = high }
                guard grown != old, let subgraph = subgraphs[frame.name] else { continue }
                let strips = leftToRight
                    ? [LayoutGeometry.Box(minX: grown.minX, minY: old.minY, maxX: old.minX, maxY: old.maxY),
                       LayoutGeometry.Box(minX: old.maxX, minY: old.minY, maxX: grown.maxX, maxY: old.maxY)]
                    : [LayoutGeometry.Box(minX: old.minX, minY: grown.minY, maxX: old.maxX, maxY: old.minY),
                       LayoutGeometry.Box(minX: old.minX, minY: old.maxY, maxX: old.maxX, maxY: grown.maxY)]
                let added = strips.filter { $0.minX < $0.maxX && $0.minY < $0.maxY }.map { $0.inset(-4) }
                let clear = geometry.nodes.allSatisfy { node in frame.members.contains(node.name) || !added.contains { $0.overlaps(node.box) } }
                    && geometry.clusters.allSatisfy { other in
                        other.name == frame.name || encloses(other.box, old) || encloses(old, other.box)
                            || (!added.contains { $0.overlaps(other.box) } && !(other.title.map { t in added.contains { $0.overlaps(t) } } ?? false))
                    }
                    && geometry.edges.indices.allSatisfy { index in
                        let edge = geometry.edges[index]
                        if frame.members.contains(edge.tail) || frame.members.contains(edge.head) { return true }
                        return !added.contains { curveBounds[index].overlaps($0) && LayoutScore.polyline(curves[index], hits: $0) }
                    }
                if clear { tg_set_cluster_box(subgraph, grown.minX, grown.minY, grown.maxX, grown.maxY) }
            }
        }
    }

    /// Puts each node on its frame's top border, as AWS draws an internet gateway on its
    /// VPC: the icon centred on the border, the label just inside, at the first spot from
    /// the frame's title rightwards where it touches no other node, title, frame border or
    /// edge. Where there is none the node stays where the layout put it, beside the frame.
    private static func place(_ placements: [BorderPlacement], in graph: UnsafeMutablePointer<Agraph_t>) {
        guard !placements.isEmpty else { return }
        var geometry = LayoutGeometry(laidOut: graph)
        let curves = geometry.edges.map { LayoutScore.flatten($0.controlPoints) }
        let curveBounds = curves.map(LayoutScore.bounds)
        for placement in placements {
            guard let nodeIndex = geometry.nodes.firstIndex(where: { $0.name == placement.node }),
                  let frame = geometry.clusters.first(where: { $0.name == placement.frame }),
                  let node = placement.node.withCString({ agnode(graph, UnsafeMutablePointer(mutating: $0), 0) }) else { continue }
            let box = geometry.nodes[nodeIndex].box
            let (width, height) = (box.maxX - box.minX, box.maxY - box.minY)
            // Graphviz's y grows upwards: the top border is maxY; the icon is the node's top 40 pt.
            let centreY = frame.box.maxY + 20 - height / 2
            var x = (frame.title?.maxX ?? frame.box.minX) + 12 + width / 2
            while x + width / 2 <= frame.box.maxX - 12 {
                let moved = LayoutGeometry.Box(minX: x - width / 2, minY: centreY - height / 2, maxX: x + width / 2, maxY: centreY + height / 2)
                let padded = moved.inset(-4)
                let clear = geometry.nodes.indices.allSatisfy { $0 == nodeIndex || !geometry.nodes[$0].box.overlaps(padded) }
                    && geometry.clusters.allSatisfy { other in
                        (other.title.map { !$0.overlaps(padded) } ?? true)
                            && (other.name == frame.name || !other.box.overlaps(padded)
                                || (other.box.minX < padded.minX && padded.maxX < other.box.maxX && other.box.minY < padded.minY && padded.maxY < other.box.maxY))
                    }
                    && curves.indices.allSatisfy { !curveBounds[$0].overlaps(padded) || !LayoutScore.polyline(curves[$0], hits: padded) }
                if clear {
                    tg_move_node(node, x - (box.minX + box.maxX) / 2, centreY - (box.minY + box.maxY) / 2)
                    geometry.nodes[nodeIndex].box = moved
                    break
                }
                x += 12
            }
        }
    }
}
