import CGraphviz

/// The geometry of a graph Graphviz laid out, read back for scoring and finishing.
extension LayoutGeometry {
    /// Nodes and edges of a laid-out graph as drawn: invisible ones (anchors, the IGW's
    /// placement edge) are left out, as they are from the SVG.
    init(laidOut graph: UnsafeMutablePointer<Agraph_t>) {
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
        self.init(nodes: nodes, edges: edges, clusters: clusters)
    }
}
