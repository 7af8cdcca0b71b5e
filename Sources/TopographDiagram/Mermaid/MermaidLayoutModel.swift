import TopographModel

/// The layout arithmetic behind `MermaidWidthEstimate`: one dagre graph (the diagram, or a
/// subgraph Mermaid extracted) is laid out as ranks of atoms (nodes, extracted or empty
/// subgraphs) inside bands (subgraphs an edge crosses, which dagre lays out with their
/// parent). Ranks are counted in dagre's half-ranks: a node every second index, the edge
/// labels between.
struct MermaidLayoutModel {
    let nodeSpacing: Double
    let rankSpacing: Double
    /// Only traffic is drawn in Mermaid (see `MermaidRenderer`).
    let edges: [DiagramEdge]
    let parent: [String: String]
    /// Subgraphs some drawn edge crosses: Mermaid lays them out with their parent graph.
    let crossed: Set<String>

    init(diagram: Diagram, nodeSpacing: Double, rankSpacing: Double) {
        self.nodeSpacing = nodeSpacing
        self.rankSpacing = rankSpacing
        edges = diagram.edges.filter { $0.style == .flow }
        var parent: [String: String] = [:]
        func walk(_ items: [DiagramItem], in container: String?) {
            for item in items {
                parent[item.id] = container
                if case .container(let child) = item { walk(child.children, in: child.id) }
            }
        }
        walk(diagram.items, in: nil)
        self.parent = parent
        func chain(_ id: String) -> [String] {
            var result: [String] = []
            var current: String? = id
            var steps = 0
            while let id = current, steps < 256 {
                result.append(id)
                current = parent[id]
                steps += 1
            }
            return result
        }
        var crossed: Set<String> = []
        for edge in edges {
            let from = Set(chain(edge.from)), to = Set(chain(edge.to))
            crossed.formUnion(from.symmetricDifference(to))
        }
        self.crossed = crossed
    }

    private struct Atom {
        var main: Double
        var cross: Double
        var band: Int
        var rank = 0
    }

    private struct Band {
        var parent: Int?
        var title: Double
        var atoms: [Int] = []
        var children: [Int] = []
        var low = 0
        var high = 0
    }

    private struct Edge {
        var from: Int
        var to: Int
        var label: String?
    }

    /// Width and height of `items` laid out as one dagre graph in `direction`.
    func layout(_ items: [DiagramItem], direction: DiagramDirection, in enclosing: DiagramContainer? = nil) -> (width: Double, height: Double) {
        let vertical = direction == .topToBottom
        var atoms: [Atom] = []
        var bands: [Band] = [Band(parent: nil, title: 0)]
        var atomOf: [String: Int] = [:]
        var bandOf: [String: Int] = [:]

        func add(_ id: String, width: Double, height: Double, band: Int) {
            atomOf[id] = atoms.count
            bands[band].atoms.append(atoms.count)
            atoms.append(Atom(main: vertical ? height : width, cross: vertical ? width : height, band: band))
        }
        func walk(_ items: [DiagramItem], band: Int, parent: DiagramContainer?) {
            for item in items {
                switch item {
                case .node(let node):
                    let size = Self.nodeSize(node)
                    add(node.id, width: size.width, height: size.height, band: band)
                case .container(let container):
                    let title = Self.titleWidth(container, in: parent)
                    if container.children.isEmpty {
                        let lines = Double(max(1, Int((title / MermaidTextWidth.wrappingWidth).rounded(.up))))
                        add(container.id, width: min(title, MermaidTextWidth.wrappingWidth) + MermaidShapeMetrics.emptyPadding,
                            height: lines * MermaidShapeMetrics.lineHeight + 16, band: band)
                    } else if !crossed.contains(container.id) {
                        let inner = layout(container.children, direction: vertical ? .leftToRight : .topToBottom, in: container)
                        add(container.id,
                            width: max(inner.width + MermaidShapeMetrics.extractedPadding, title + MermaidShapeMetrics.titlePadding),
                            height: inner.height + MermaidShapeMetrics.extractedPadding, band: band)
                    } else {
                        let child = bands.count
                        bands.append(Band(parent: band, title: title))
                        bands[band].children.append(child)
                        bandOf[container.id] = child
                        walk(container.children, band: child, parent: container)
                    }
                }
            }
        }
        walk(items, band: 0, parent: enclosing)
        guard !atoms.isEmpty else { return (0, 0) }

        func firstAtom(_ band: Int) -> Int? {
            if let atom = bands[band].atoms.first { return atom }
            for child in bands[band].children { if let atom = firstAtom(child) { return atom } }
            return nil
        }
        func resolve(_ id: String) -> Int? {
            var current: String? = id
            var steps = 0
            while let id = current, steps < 256 {
                if let atom = atomOf[id] { return atom }
                // An edge to a subgraph: Mermaid attaches it to a node inside.
                if let band = bandOf[id] { return firstAtom(band) }
                current = parent[id]
                steps += 1
            }
            return nil
        }
        var lifted: [Edge] = []
        for edge in edges {
            guard let from = resolve(edge.from), let to = resolve(edge.to), from != to else { continue }
            lifted.append(Edge(from: from, to: to, label: edge.label))
        }
        rank(&atoms, &lifted, bands: &bands)

        // Rows: what each band holds at each half-rank, across the rank direction.
        var rowSum = [[Int: Double]](repeating: [:], count: bands.count)
        var rowCount = [[Int: Int]](repeating: [:], count: bands.count)
        var thickness: [Int: Double] = [:]
        for atom in atoms {
            rowSum[atom.band][atom.rank, default: 0] += atom.cross
            rowCount[atom.band][atom.rank, default: 0] += 1
            thickness[atom.rank] = max(thickness[atom.rank] ?? 0, atom.main)
        }
        func chain(_ band: Int) -> [Int] {
            var result: [Int] = []
            var current: Int? = band
            while let band = current { result.append(band); current = bands[band].parent }
            return result
        }
        for edge in lifted {
            let low = atoms[edge.from].rank, high = atoms[edge.to].rank
            guard high - low > 1 else { continue }
            // The deepest subgraph of either end that spans the half-rank holds the edge
            // there (ties by band order, so the estimate is the same on every run).
            let owners = Array(Set(chain(atoms[edge.from].band) + chain(atoms[edge.to].band)))
                .map { (band: $0, depth: chain($0).count) }
                .sorted { $0.depth != $1.depth ? $0.depth > $1.depth : $0.band < $1.band }
                .map(\.band)
            func owner(_ index: Int) -> Int {
                owners.first { bands[$0].low <= index && index <= bands[$0].high && $0 != 0 } ?? 0
            }
            let labelIndex = low + (high - low) / 2
            for index in (low + 1)..<high {
                let band = owner(index)
                if index == labelIndex, let label = edge.label {
                    let width = MermaidTextWidth.label(label)
                    let height = Double(MermaidTextWidth.lines(label)) * MermaidShapeMetrics.lineHeight
                    rowSum[band][index, default: 0] += vertical ? width : height
                    rowCount[band][index, default: 0] += 1
                    // Across LR ranks dagre also keeps the label's offset from its edge.
                    thickness[index] = max(thickness[index] ?? 0, vertical ? height : width + MermaidShapeMetrics.labelOffset)
                } else {
                    rowSum[band][index, default: 0] += MermaidShapeMetrics.dummySpacing
                    if index == labelIndex, !vertical { thickness[index] = max(thickness[index] ?? 0, 25) }
                }
            }
        }

        // Bands are boxes: as wide as their widest row plus padding, children first.
        var crossSize = [Double](repeating: 0, count: bands.count)
        func measure(_ band: Int) {
            for child in bands[band].children { measure(child) }
            var sums = rowSum[band]
            var counts = rowCount[band]
            for child in bands[band].children {
                let box = crossSize[child] + MermaidShapeMetrics.clusterPadding
                let width = vertical ? max(box, bands[child].title + MermaidShapeMetrics.titlePadding) : box
                for index in bands[child].low...bands[child].high {
                    sums[index, default: 0] += width
                    counts[index, default: 0] += 1
                }
            }
            crossSize[band] = sums.map { index, sum in sum + nodeSpacing * Double(max(0, (counts[index] ?? 0) - 1)) }.max() ?? 0
        }
        measure(0)
        if vertical {
            // A subgraph's title takes a line above its first row.
            for band in bands.indices.dropFirst() { thickness[bands[band].low, default: 0] += MermaidShapeMetrics.lineHeight }
        }
        let last = thickness.keys.max() ?? 0
        let main = thickness.values.reduce(0, +) + rankSpacing / 2 * Double(last)
        return vertical ? (crossSize[0], main) : (main, crossSize[0])
    }

    /// dagre's ranking, approximately: cycles broken depth first, longest path, then each
    /// source pulled down next to its nearest target (network simplex shortens those
    /// edges). Unconnected atoms sit in the top rank of the graph, or the bottom rank of
    /// their subgraph, as Mermaid draws them.
    private func rank(_ atoms: inout [Atom], _ edges: inout [Edge], bands: inout [Band]) {
        let count = atoms.count
        var outgoing = [[Int]](repeating: [], count: count)
        for (index, edge) in edges.enumerated() { outgoing[edge.from].append(index) }
        // Depth first, iteratively: an edge back to a node on the stack is reversed.
        var state = [UInt8](repeating: 0, count: count)
        for start in 0..<count where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let edgeIndex = outgoing[top.node][top.next]
                    let target = edges[edgeIndex].to
                    if state[target] == 1 {
                        edges[edgeIndex] = Edge(from: target, to: top.node, label: edges[edgeIndex].label)
                    } else if state[target] == 0 {
                        state[target] = 1
                        stack.append((target, 0))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        var successors = [[Int]](repeating: [], count: count)
        var indegree = [Int](repeating: 0, count: count)
        for edge in edges {
            successors[edge.from].append(edge.to)
            indegree[edge.to] += 1
        }
        var order: [Int] = []
        var remaining = indegree
        var queue = (0..<count).filter { remaining[$0] == 0 }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            order.append(node)
            for next in successors[node] {
                remaining[next] -= 1
                if remaining[next] == 0 { queue.append(next) }
            }
        }
        for node in order {
            for next in successors[node] { atoms[next].rank = max(atoms[next].rank, atoms[node].rank + 2) }
        }
        for node in order where indegree[node] == 0 && !successors[node].isEmpty {
            atoms[node].rank = max(atoms[node].rank, (successors[node].map { atoms[$0].rank }.min() ?? 2) - 2)
        }
        let connected = Set(edges.flatMap { [$0.from, $0.to] })
        func bottom(_ band: Int) -> Int? {
            let own = bands[band].atoms.filter(connected.contains).map { atoms[$0].rank }.max()
            return ([own] + bands[band].children.map(bottom)).compactMap { $0 }.max()
        }
        for index in 0..<count where !connected.contains(index) {
            let band = atoms[index].band
            atoms[index].rank = band == 0 ? 0 : (bottom(band) ?? 0)
        }
        // Each band spans its content plus a border half-rank on each side.
        func span(_ band: Int) -> (Int, Int)? {
            var low = Int.max, high = Int.min
            for atom in bands[band].atoms {
                low = min(low, atoms[atom].rank)
                high = max(high, atoms[atom].rank)
            }
            for child in bands[band].children {
                if let (childLow, childHigh) = span(child) {
                    low = min(low, childLow)
                    high = max(high, childHigh)
                }
            }
            guard low <= high else { return nil }
            if band != 0 {
                low -= 1
                high += 1
            }
            bands[band].low = low
            bands[band].high = high
            return (low, high)
        }
        let shift = -(span(0)?.0 ?? 0)
        if shift != 0 {
            for index in atoms.indices { atoms[index].rank += shift }
            for index in bands.indices {
                bands[index].low += shift
                bands[index].high += shift
            }
        }
    }

    static func nodeSize(_ node: DiagramNode) -> (width: Double, height: Double) {
        var width = MermaidTextWidth.label(node.label)
        var lines = MermaidTextWidth.lines(node.label)
        if !node.caption.isEmpty, node.caption != node.label {
            width = max(width, MermaidTextWidth.label(node.caption, size: MermaidTextWidth.smallFontSize))
            lines += MermaidTextWidth.lines(node.caption, size: MermaidTextWidth.smallFontSize)
        }
        var size = (width: width + MermaidShapeMetrics.horizontalPadding(node.shape),
                    height: Double(lines) * MermaidShapeMetrics.lineHeight + MermaidShapeMetrics.nodeVerticalPadding)
        if node.shape == .cloud { size.height = size.width }
        return size
    }

    /// A subgraph's title as `MermaidRenderer` writes it: label · <small>caption</small>.
    static func titleWidth(_ container: DiagramContainer, in parent: DiagramContainer?) -> Double {
        var width = MermaidTextWidth.line(container.label)
        if let caption = MermaidRenderer.caption(of: container, in: parent) {
            width += MermaidTextWidth.line(" · ") + MermaidTextWidth.line(caption, size: MermaidTextWidth.smallFontSize)
        }
        return width
    }
}
