import CGraphviz
import Foundation
import TopographModel

/// The one owner of every Graphviz call. Graphviz's C libraries keep global state (the
/// error handler, plugin tables, cgraph's string pools) and are not thread-safe, so every
/// call runs under one lock, and what a render allocates (the graph, its layout, the
/// render buffer) is freed by the next render at the latest (see `retired`). Contexts are
/// created lazily and kept for the process, as `dot` itself does (plugin discovery costs
/// about 10 ms).
///
/// Two contexts, because text measurement decides the layout. SVG (and DOT/JSON) come
/// from a context holding only the core and dot-layout plugins: with no text-layout
/// plugin Graphviz measures text with its built-in font metrics, so the same DOT gives
/// the same SVG bytes whatever fonts the machine has (a browser draws SVG text with its
/// own fonts anyway). PNG needs cairo, whose pango plugin measures with the installed
/// fonts; it comes from the full context, and `check` compares PNGs by their layout
/// fingerprint rather than their pixels.
///
/// This is the only file that imports CGraphviz.
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
            guard edge.style == .layout, edge.toIsContainer, kinds[edge.from] == "internet-gateway", !touched.contains(edge.from) else { return nil }
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

final class GraphvizEngine: @unchecked Sendable {
    static let shared = GraphvizEngine()

    private let lock = NSLock()
    private var metricsContext: OpaquePointer?
    private var fullContext: OpaquePointer?
    /// Answers of `supports(format:)`: the plugin set cannot change within a process, and
    /// Graphviz 2.43's `gvPluginList` leaks the names it skips as duplicates, so it is
    /// asked once per format rather than once per PNG.
    private var supportedFormats: [String: Bool] = [:]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Graphviz reports errors through a process-wide callback; collected here while the
    /// lock is held.
    nonisolated(unsafe) private static var messages: [String] = []

    private init() {}

    /// Starts collecting Graphviz's messages for this call (the lock is held).
    private static func collectMessages() {
        messages = []
        _ = agseterr(AGERR)
        _ = agseterrf { message in
            if let message { GraphvizEngine.messages.append(String(cString: message)) }
            return 0
        }
    }

    /// Lays `dot` out with the dot engine and renders it as `format` (`svg`, `png`, ...).
    func render(dot: String, format: String, finish: LayoutFinish = .none) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        releaseRetired()
        Self.collectMessages()
        let gvc = try context(for: format)
        let graph = try Self.layOut(dot, gvc: gvc)
        retired = (gvc, graph)
        Self.apply(finish, to: graph)
        return try renderLaidOut(graph, gvc: gvc, format: format)
    }

    /// Reads `dot` and lays it out; the caller owns the graph and its layout.
    private static func layOut(_ dot: String, gvc: OpaquePointer) throws -> UnsafeMutablePointer<Agraph_t> {
        guard let graph = PhaseTiming.measure("graphviz read", { dot.withCString { tg_read_dot($0) } }) else {
            throw Failure(description: "Graphviz could not read the generated DOT: \(errorText)")
        }
        guard PhaseTiming.measure("graphviz layout", { gvLayout(gvc, graph, "dot") }) == 0 else {
            agclose(graph)
            throw Failure(description: "Graphviz layout failed: \(errorText)")
        }
        return graph
    }

    /// Renders the graph laid out last (a context renders with the state its latest layout
    /// left) and copies the buffer.
    private func renderLaidOut(_ graph: UnsafeMutablePointer<Agraph_t>, gvc: OpaquePointer, format: String) throws -> Data {
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard PhaseTiming.measure("graphviz render", { gvRenderData(gvc, graph, format, &buffer, &length) }) == 0, let buffer else {
            throw Failure(description: "Graphviz cannot render \(format) here: \(Self.errorText)")
        }
        defer { gvFreeRenderData(buffer) }
        return Data(bytes: buffer, count: Int(length))
    }

    /// The last graph laid out, with its layout: freed at the start of the next render (or
    /// by `shutdown()`) rather than before the render returns. Freeing a 1,000-service
    /// graph costs about 30 ms, which a one-shot `topograph render` would spend just before
    /// the process exits and the system reclaims it anyway (as compilers skip freeing at
    /// exit); a long run holds at most this one graph. It stays reachable, so leak checks
    /// see no loss, and it is freed before the next layout, in the order Graphviz needs.
    private var retired: (gvc: OpaquePointer, graph: UnsafeMutablePointer<Agraph_t>)?

    private func releaseRetired() {
        guard let (gvc, graph) = retired else { return }
        retired = nil
        PhaseTiming.measure("graphviz free") {
            gvFreeLayout(gvc, graph)
            _ = agclose(graph)
        }
    }

    /// Lays out each candidate DOT in turn and scores its geometry; the best (lowest score,
    /// the earliest among equals) is rendered as `format`, or only judged when `format` is
    /// nil. With `enough`, the search stops at the first candidate scoring at most that.
    /// Candidates share the lock and the context, so a search costs its layouts and nothing more.
    /// A lone candidate to render is not judged (its `scores` are empty) unless `judgeLone`
    /// asks for its score: there is nothing to choose, and at 1,000 services scoring takes
    /// several times as long as the layout.
    func renderBest(_ candidates: [String], format: String?, enough: Int? = nil, judgeLone: Bool = false, finish: LayoutFinish = .none) throws -> (chosen: Int, scores: [LayoutScore], data: Data?) {
        if candidates.count == 1, !judgeLone, let format { return (0, [], try render(dot: candidates[0], format: format, finish: finish)) }
        lock.lock()
        defer { lock.unlock() }
        releaseRetired()
        Self.collectMessages()
        let gvc = try context(for: format ?? "svg")
        // Only the graph laid out last can be rendered: a context renders with the state
        // its latest layout left (rendering an earlier graph crashes in emit_graph), so the
        // last one is kept and the best is laid out again when it came earlier.
        var last: UnsafeMutablePointer<Agraph_t>?
        var scores: [LayoutScore] = []
        var bestIndex = 0
        // The last graph is retired, not freed (see `retired`).
        defer { retired = last.map { (gvc, $0) } }
        func layOut(_ dot: String) throws -> UnsafeMutablePointer<Agraph_t> {
            if let previous = last {
                gvFreeLayout(gvc, previous)
                agclose(previous)
                last = nil
            }
            let graph = try Self.layOut(dot, gvc: gvc)
            last = graph
            return graph
        }
        for (index, dot) in candidates.enumerated() {
            let graph = try layOut(dot)
            let score = PhaseTiming.measure("layout score") { LayoutScore(Self.geometry(of: graph)) }
            scores.append(score)
            if score < scores[bestIndex] { bestIndex = index }
            if let enough, score.value <= enough { break }
        }
        guard !scores.isEmpty else { throw Failure(description: "no layout candidates") }
        guard let format else { return (bestIndex, scores, nil) }
        let graph = bestIndex == scores.count - 1 ? last! : try layOut(candidates[bestIndex])
        Self.apply(finish, to: graph)
        return (bestIndex, scores, try renderLaidOut(graph, gvc: gvc, format: format))
    }

    private static func apply(_ finish: LayoutFinish, to graph: UnsafeMutablePointer<Agraph_t>) {
        align(finish.alignedFrames, leftToRight: finish.leftToRight, in: graph)
        place(finish.onBorders, in: graph)
    }

    /// Widens each group of sibling frames to their common extent across the flow, so
    /// availability zones line up as AWS draws them (one band per zone, equally long).
    /// A frame is widened only over empty space: no other node, frame, title or unrelated
    /// edge may lie where it grows.
    private static func align(_ groups: [[String]], leftToRight: Bool, in graph: UnsafeMutablePointer<Agraph_t>) {
        guard !groups.isEmpty else { return }
        let geometry = geometry(of: graph)
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
        var geometry = geometry(of: graph)
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

    /// Nodes and edges of a laid-out graph as drawn: invisible ones (anchors, the IGW's
    /// placement edge) are left out, as they are from the SVG.
    private static func geometry(of graph: UnsafeMutablePointer<Agraph_t>) -> LayoutGeometry {
        func attribute(_ object: UnsafeMutableRawPointer, _ name: String) -> String {
            name.withCString { key in
                agget(object, UnsafeMutablePointer(mutating: key)).map { String(cString: $0) } ?? ""
            }
        }
        var nodes: [LayoutGeometry.Node] = []
        var edges: [LayoutGeometry.Edge] = []
        var buffer = [Double](repeating: 0, count: 512)
        var node = agfstnode(graph)
        while let current = node {
            let name = String(cString: agnameof(UnsafeMutableRawPointer(current)))
            if !attribute(UnsafeMutableRawPointer(current), "style").contains("invis") {
                var box = [Double](repeating: 0, count: 4)
                tg_node_box(current, &box)
                nodes.append(LayoutGeometry.Node(name: name, box: LayoutGeometry.Box(minX: box[0], minY: box[1], maxX: box[2], maxY: box[3])))
            }
            var edge = agfstout(graph, current)
            while let out = edge {
                let style = attribute(UnsafeMutableRawPointer(out), "style")
                if !style.contains("invis") {
                    var count = Int(tg_edge_points(out, &buffer, Int32(buffer.count / 2)))
                    if count > buffer.count / 2 {
                        buffer = [Double](repeating: 0, count: count * 2)
                        count = Int(tg_edge_points(out, &buffer, Int32(count)))
                    }
                    let points = (0..<count).map { LayoutGeometry.Point(x: buffer[2 * $0], y: buffer[2 * $0 + 1]) }
                    edges.append(LayoutGeometry.Edge(
                        tail: name, head: String(cString: agnameof(UnsafeMutableRawPointer(tg_edge_head(out)))),
                        controlPoints: points, dotted: style.contains("dotted")))
                }
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        var clusters: [LayoutGeometry.Cluster] = []
        func collect(_ parent: UnsafeMutablePointer<Agraph_t>) {
            var sub = agfstsubg(parent)
            while let current = sub {
                let name = String(cString: agnameof(UnsafeMutableRawPointer(current)))
                if name.hasPrefix("cluster") {
                    var box = [Double](repeating: 0, count: 4), title = [Double](repeating: 0, count: 4)
                    tg_cluster_boxes(current, &box, &title)
                    var members: Set<String> = []
                    var member = agfstnode(current)
                    while let node = member {
                        members.insert(String(cString: agnameof(UnsafeMutableRawPointer(node))))
                        member = agnxtnode(current, node)
                    }
                    clusters.append(LayoutGeometry.Cluster(
                        name: name, box: LayoutGeometry.Box(minX: box[0], minY: box[1], maxX: box[2], maxY: box[3]),
                        title: title[2] > title[0] ? LayoutGeometry.Box(minX: title[0], minY: title[1], maxX: title[2], maxY: title[3]) : nil,
                        members: members))
                }
                collect(current)
                sub = agnxtsubg(current)
            }
        }
        collect(graph)
        return LayoutGeometry(nodes: nodes, edges: edges, clusters: clusters)
    }

    /// Whether this Graphviz has a renderer for `format` (PNG needs the cairo plugin).
    func supports(format: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let known = supportedFormats[format] { return known }
        guard let gvc = try? context(for: format) else { return false }
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, "device", &count, nil) else { return false }
        var found = false
        // The names come without their plugin suffix (`png`, not `png:cairo`).
        for index in 0..<Int(count) {
            if let item = list[index] {
                if String(cString: item) == format { found = true }
                free(item)
            }
        }
        free(list)
        supportedFormats[format] = found
        return found
    }

    /// Formats drawn by the core plugin, measured without fontconfig.
    static let builtinMetricsFormats: Set<String> = ["svg", "dot", "xdot", "json", "plain"]

    private func context(for format: String) throws -> OpaquePointer {
        let device = String(format.prefix { $0 != ":" })
        if Self.builtinMetricsFormats.contains(device) {
            if let metricsContext { return metricsContext }
            var missing: UnsafePointer<CChar>?
            guard let created = tg_context_builtin_metrics(&missing) else {
                let name = missing.map { String(cString: $0) } ?? "a plugin"
                throw Failure(description: "Graphviz's plugin \(name) cannot be loaded (Debian: apt-get install libgvc6); set GVBINDIR to the folder holding it")
            }
            metricsContext = created
            return created
        }
        if let fullContext { return fullContext }
        guard let created = gvContext() else { throw Failure(description: "Graphviz could not start (gvContext failed)") }
        fullContext = created
        return created
    }

    private static var errorText: String {
        let text = messages.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no details from Graphviz" : text
    }

    /// Frees the context; for leak checks, which want every allocation returned.
    func shutdown() {
        lock.lock()
        defer { lock.unlock() }
        releaseRetired()
        if let metricsContext { gvFreeContext(metricsContext) }
        if let fullContext { gvFreeContext(fullContext) }
        metricsContext = nil
        fullContext = nil
        supportedFormats = [:]
    }
}
