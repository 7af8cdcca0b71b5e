/// A laid-out graph as the layout search judges it: node boxes and edge curves, in points.
struct LayoutGeometry: Sendable {
    struct Point: Sendable, Hashable {
        var x: Double
        var y: Double
    }

    struct Box: Sendable, Hashable {
        var minX: Double, minY: Double, maxX: Double, maxY: Double

        func inset(_ d: Double) -> Box { Box(minX: minX + d, minY: minY + d, maxX: maxX - d, maxY: maxY - d) }
        func contains(_ p: Point) -> Bool { minX < p.x && p.x < maxX && minY < p.y && p.y < maxY }
        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    struct Node: Sendable {
        var name: String
        var box: Box
    }

    struct Edge: Sendable {
        var tail: String
        var head: String
        /// Bézier control points as Graphviz stores them: p0, c1, c2, p1, c1, c2, p2, ...
        var controlPoints: [Point]
        /// A dotted attribute-reference edge (Mermaid draws none, so they weigh less).
        var dotted: Bool
    }

    struct Cluster: Sendable {
        var name: String
        var box: Box
        var title: Box?
        /// Every node inside it, nested frames' included.
        var members: Set<String>
    }

    var nodes: [Node]
    var edges: [Edge]
    var clusters: [Cluster] = []
}

/// How good a candidate layout is, by what `scripts/svg-geometry.py` measures on the SVG:
/// an edge through an unrelated node is never acceptable; then crossings count, those of
/// dotted reference edges less than those of the data flow, and so do edges that leave a
/// frame and come back, or cut through a frame holding neither end, or through a frame's
/// title (a layout with few crossings can still thread an edge through the whole VPC).
/// Lower is better.
struct LayoutScore: Sendable, Hashable, Comparable {
    var edgesThroughNodes = 0
    var crossings = 0
    var referenceCrossings = 0
    /// Border crossings beyond the one a frame holding exactly one end needs.
    var needlessBorderCrossings = 0
    var edgesThroughTitles = 0
    /// The labelled edges (`label_e<N>` halves) that take part in a crossing: where moving
    /// one label may untangle the drawing (`StageRenderer`'s refinement).
    var crossingLabels: Set<Int> = []

    var value: Int {
        edgesThroughNodes * 1000 + crossings * 10 + referenceCrossings * 3 + needlessBorderCrossings * 2 + edgesThroughTitles * 2
    }

    static func < (a: LayoutScore, b: LayoutScore) -> Bool { a.value < b.value }

    static func + (a: LayoutScore, b: LayoutScore) -> LayoutScore {
        LayoutScore(edgesThroughNodes: a.edgesThroughNodes + b.edgesThroughNodes, crossings: a.crossings + b.crossings,
                    referenceCrossings: a.referenceCrossings + b.referenceCrossings,
                    needlessBorderCrossings: a.needlessBorderCrossings + b.needlessBorderCrossings,
                    edgesThroughTitles: a.edgesThroughTitles + b.edgesThroughTitles)
    }

    /// The same tolerances as the checker: meetings within 12 pt of an edge's end or inside a
    /// node (4 pt around it) are where edges join, not crossings.
    init(_ geometry: LayoutGeometry) {
        typealias Point = LayoutGeometry.Point
        let curves = geometry.edges.map { Self.flatten($0.controlPoints) }
        let bounds = curves.map(Self.bounds)
        let nodeBoxes = geometry.nodes.map { $0.box.inset(-4) }
        for (index, edge) in geometry.edges.enumerated() where curves[index].count > 1 {
            for node in geometry.nodes where node.name != edge.tail && node.name != edge.head {
                let box = node.box.inset(3)
                guard box.minX < box.maxX, box.minY < box.maxY, box.overlaps(bounds[index]) else { continue }
                if Self.polyline(curves[index], hits: box) { edgesThroughNodes += 1 }
            }
        }
        for (index, edge) in geometry.edges.enumerated() where curves[index].count > 1 {
            let curve = curves[index]
            for cluster in geometry.clusters where cluster.box.inset(-1).overlaps(bounds[index]) {
                let inner = cluster.box.inset(1.5)
                var changes = 0
                var state = inner.contains(curve[0])
                for point in curve.dropFirst() {
                    let now = inner.contains(point)
                    if now != state { changes += 1 }
                    state = now
                }
                let needed = cluster.members.contains(edge.tail) != cluster.members.contains(edge.head) ? 1 : 0
                needlessBorderCrossings += max(0, changes - needed)
                if let title = cluster.title?.inset(1), curve.count > 3,
                   Self.polyline(Array(curve.dropFirst().dropLast()), hits: title) {
                    edgesThroughTitles += 1
                }
            }
        }
        // Curves in runs of 12 segments with their bounds, so that only runs whose bounds
        // meet are compared segment by segment (this is most of a search's time otherwise).
        let runs = curves.map { curve -> [(box: LayoutGeometry.Box, from: Int, to: Int)] in
            guard curve.count > 1 else { return [] }
            return stride(from: 0, to: curve.count - 1, by: 12).map { start in
                let end = min(start + 12, curve.count - 1)
                return (Self.bounds(Array(curve[start...end])).inset(-0.5), start, end)
            }
        }
        for a in curves.indices where curves[a].count > 1 {
            for b in curves.indices where b > a && curves[b].count > 1 {
                guard bounds[a].inset(-1).overlaps(bounds[b].inset(-1)) else { continue }
                let ends = [curves[a][0], curves[a][curves[a].count - 1], curves[b][0], curves[b][curves[b].count - 1]]
                var hits: [Point] = []
                for runA in runs[a] {
                    for runB in runs[b] where runA.box.overlaps(runB.box) {
                        for i in runA.from..<runA.to {
                            for j in runB.from..<runB.to {
                                guard let x = Self.intersection(curves[a][i], curves[a][i + 1], curves[b][j], curves[b][j + 1]) else { continue }
                                if ends.contains(where: { Self.distance($0, x) < 12 }) { continue }
                                if nodeBoxes.contains(where: { $0.contains(x) }) { continue }
                                if hits.allSatisfy({ Self.distance($0, x) > 6 }) { hits.append(x) }
                            }
                        }
                    }
                }
                if !hits.isEmpty {
                    for edge in [geometry.edges[a], geometry.edges[b]] {
                        for name in [edge.tail, edge.head] where name.hasPrefix("label_e") {
                            if let number = Int(name.dropFirst("label_e".count)) { crossingLabels.insert(number) }
                        }
                    }
                }
                if geometry.edges[a].dotted || geometry.edges[b].dotted {
                    referenceCrossings += hits.count
                } else {
                    crossings += hits.count
                }
            }
        }
    }

    init(edgesThroughNodes: Int = 0, crossings: Int = 0, referenceCrossings: Int = 0, needlessBorderCrossings: Int = 0, edgesThroughTitles: Int = 0) {
        self.edgesThroughNodes = edgesThroughNodes
        self.crossings = crossings
        self.referenceCrossings = referenceCrossings
        self.needlessBorderCrossings = needlessBorderCrossings
        self.edgesThroughTitles = edgesThroughTitles
    }

    static func flatten(_ control: [LayoutGeometry.Point], steps: Int = 12) -> [LayoutGeometry.Point] {
        guard let first = control.first else { return [] }
        var points = [first]
        var k = 0
        while k + 3 < control.count {
            let (p0, p1, p2, p3) = (control[k], control[k + 1], control[k + 2], control[k + 3])
            for step in 1...steps {
                let t = Double(step) / Double(steps), u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                points.append(LayoutGeometry.Point(x: a * p0.x + b * p1.x + c * p2.x + d * p3.x,
                                                   y: a * p0.y + b * p1.y + c * p2.y + d * p3.y))
            }
            k += 3
        }
        return points
    }

    static func bounds(_ points: [LayoutGeometry.Point]) -> LayoutGeometry.Box {
        var box = LayoutGeometry.Box(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for p in points {
            box.minX = min(box.minX, p.x); box.maxX = max(box.maxX, p.x)
            box.minY = min(box.minY, p.y); box.maxY = max(box.maxY, p.y)
        }
        return box
    }

    private static func distance(_ a: LayoutGeometry.Point, _ b: LayoutGeometry.Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    static func intersection(_ p: LayoutGeometry.Point, _ q: LayoutGeometry.Point, _ r: LayoutGeometry.Point, _ s: LayoutGeometry.Point) -> LayoutGeometry.Point? {
        let d = (q.x - p.x) * (s.y - r.y) - (q.y - p.y) * (s.x - r.x)
        guard abs(d) > 1e-9 else { return nil }
        let t = ((r.x - p.x) * (s.y - r.y) - (r.y - p.y) * (s.x - r.x)) / d
        let u = ((r.x - p.x) * (q.y - p.y) - (r.y - p.y) * (q.x - p.x)) / d
        guard (0...1).contains(t), (0...1).contains(u) else { return nil }
        return LayoutGeometry.Point(x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y))
    }

    /// Whether segment pq passes through the open box.
    static func segment(_ p: LayoutGeometry.Point, _ q: LayoutGeometry.Point, hits box: LayoutGeometry.Box) -> Bool {
        if box.contains(p) || box.contains(q) { return true }
        let corners = [LayoutGeometry.Point(x: box.minX, y: box.minY), LayoutGeometry.Point(x: box.maxX, y: box.minY),
                       LayoutGeometry.Point(x: box.maxX, y: box.maxY), LayoutGeometry.Point(x: box.minX, y: box.maxY)]
        return (0..<4).contains { intersection(p, q, corners[$0], corners[($0 + 1) % 4]) != nil }
    }

    static func polyline(_ points: [LayoutGeometry.Point], hits box: LayoutGeometry.Box) -> Bool {
        points.indices.dropLast().contains { segment(points[$0], points[$0 + 1], hits: box) }
    }
}
