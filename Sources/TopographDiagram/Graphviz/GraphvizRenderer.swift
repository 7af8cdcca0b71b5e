import Foundation
import TopographModel

/// `Diagram` -> DOT, in AWS's style: clusters for VPC, availability zones, subnets and ECS
/// clusters in AWS's group colours; nodes shaped and coloured by category with the kind
/// under the label; edges to containers through `compound` + `lhead`/`ltail`; a legend of
/// the kinds drawn. The DOT is what `--format dot` prints and what golden tests pin; the
/// engine lays it out in-process for SVG and PNG.
package struct GraphvizRenderer: Sendable {
    package var options: GraphvizOptions

    package init(options: GraphvizOptions = GraphvizOptions()) {
        self.options = options
    }

    static let font = "Helvetica,Arial,sans-serif"
    static let newrankLimit = 300

    /// The DOT source; `warnings` collects what the user should know (ortho refused ...).
    package func dot(_ diagram: Diagram, header: String?, warnings: inout [String]) -> String {
        var routing = options.routing
        if routing == .ortho, diagram.edges.count > GraphvizOptions.orthoLimit {
            warnings.append(
                "--splines ortho is limited to \(GraphvizOptions.orthoLimit) edges (Graphviz's orthogonal router takes minutes on large graphs); "
                    + "this diagram has \(diagram.edges.count), drawn with splines instead")
            routing = .spline
        }
        let index = DiagramIndex(diagram)
        var lines: [String] = []
        if let header {
            lines += header.split(separator: "\n").map { "// " + $0 }
        }
        lines.append("digraph \"topology\" {")
        var title = "<B>\(DOTText.html(diagram.title))</B>"
        if let subtitle = diagram.subtitle { title += "<BR/><FONT POINT-SIZE=\"11\">\(DOTText.html(subtitle))</FONT>" }
        // newrank ranks across clusters, which keeps edges short and crossings few (113
        // crossings over the corpus without it, 43 with it), but it is most of the layout
        // time on big graphs; above `newrankLimit` nodes Graphviz's cluster ranking is used.
        let newrank = diagram.allNodes.count <= Self.newrankLimit ? "newrank=true, " : ""
        lines.append("  graph [compound=true, \(newrank)rankdir=\(diagram.direction.rawValue), splines=\(routing.rawValue), "
            + "nodesep=0.35, ranksep=0.7, pad=0.3, bgcolor=\"#FFFFFF\", fontname=\(DOTText.quoted(Self.font)), fontsize=14, "
            + "labelloc=t, labeljust=l, label=<\(title)>]")
        lines.append("  node [fontname=\(DOTText.quoted(Self.font)), fontsize=11, shape=box, style=\"filled,rounded\", penwidth=1.2, margin=\"0.16,0.07\"]")
        lines.append("  edge [fontname=\(DOTText.quoted(Self.font)), fontsize=9, color=\"#545B64\", fontcolor=\"#232F3E\", arrowsize=0.7, penwidth=1.1]")

        let icons = IconSet(source: options.icons)
        // An edge label is a node of its own, in the innermost frame holding both ends:
        // Graphviz keeps a frame's nodes inside it and others out, so no label can sit on
        // a frame's border or title, and the label stays on its edge.
        var labelNodes: [String?: [(number: Int, text: String)]] = [:]
        for (offset, edge) in diagram.edges.enumerated() where edge.style == .flow {
            guard let text = edge.label, !text.isEmpty else { continue }
            let common = index.commonFrame(edge.from, edge.to)
            let frame: String? = switch options.labelOverrides[offset + 1] ?? options.labelPlacement {
            case .commonFrame: common
            case .besideTail: index.frameEntered(below: common, toward: edge.from) ?? common
            case .besideHead: index.frameEntered(below: common, toward: edge.to) ?? common
            }
            labelNodes[frame, default: []].append((offset + 1, text))
        }
        func emitLabels(in frame: String?, indent: String) {
            for (number, text) in labelNodes[frame] ?? [] {
                lines.append(indent + "\(DOTText.quoted("label_e\(number)")) [id=\(DOTText.quoted("label_e\(number)")), class=\"tg-edge-label\", "
                    + "shape=plaintext, style=\"filled\", fillcolor=\"#FFFFFF\", fontsize=9, fontcolor=\"#232F3E\", margin=\"0.02,0.01\", width=0, height=0, label=<\(DOTText.html(text))>]")
            }
        }
        func emit(_ items: [DiagramItem], indent: String) {
            for item in items {
                switch item {
                case .node(let node):
                    lines.append(indent + nodeStatement(node, icons: icons))
                case .container(let container):
                    lines.append(indent + "subgraph \(DOTText.clusterID(container.id)) {")
                    let inner = indent + "  "
                    lines.append(inner + "id=\(DOTText.quoted("cluster_" + container.id)); class=\(DOTText.quoted("tg-frame-" + container.style.rawValue))")
                    var label = "<B>\(DOTText.html(container.label))</B>"
                    if !container.caption.isEmpty, container.caption != container.label {
                        label += "  <FONT POINT-SIZE=\"9\" COLOR=\"#545B64\">\(DOTText.html(container.caption))</FONT>"
                    }
                    if let icon = Self.groupIcon(container, icons: icons) {
                        // AWS's group convention: the group icon in the frame's top-left corner.
                        label = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
                            + "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"20\" HEIGHT=\"20\"><IMG SRC=\"\(DOTText.html(icon))\" SCALE=\"TRUE\"/></TD>"
                            + "<TD> \(label)</TD></TR></TABLE>"
                    }
                    lines.append(inner + "label=<\(label)>")
                    lines.append(inner + "fontsize=12")
                    lines.append(inner + clusterStyle(container))
                    if let link = Self.safeLink(container.link) {
                        lines.append(inner + "URL=\(DOTText.quoted(link)); target=\"_blank\"")
                    }
                    if index.needsAnchor(container.id) {
                        lines.append(inner + "\(DOTText.quoted("anchor_" + container.id)) [shape=point, style=invis, width=0.01, height=0.01, label=\"\"]")
                    }
                    emit(container.children, indent: inner)
                    emitLabels(in: container.id, indent: inner)
                    lines.append(indent + "}")
                }
            }
        }
        emit(diagram.items, indent: "  ")
        emitLabels(in: nil, indent: "  ")

        for (offset, edge) in diagram.edges.enumerated() {
            lines.append("  " + edgeStatement(edge, number: offset + 1, index: index))
        }
        if options.legend, !icons.isEmpty {
            if let legend = frameLegend(diagram) { lines.append("  " + legend) }
        } else if options.legend, !diagram.legend.isEmpty {
            lines.append("  " + legendStatement(diagram.legend))
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The legend is one node holding a table (two entries per row): compact, and it
    /// cannot pull the architecture's layout apart the way a cluster of nodes would.
    private func legendStatement(_ entries: [LegendEntry]) -> String {
        var rows: [String] = []
        var index = 0
        while index < entries.count {
            var cells = ""
            for entry in entries[index..<min(index + 2, entries.count)] {
                cells += "<TD BGCOLOR=\"\(entry.category.color)\" WIDTH=\"14\" HEIGHT=\"14\"></TD>"
                cells += "<TD ALIGN=\"LEFT\">\(DOTText.html(entry.title)) <FONT COLOR=\"#545B64\">(\(DOTText.html(entry.kind)))</FONT></TD>"
            }
            rows.append("<TR>\(cells)</TR>")
            index += 2
        }
        let table = "<TABLE BORDER=\"1\" COLOR=\"#AAB7B8\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\" STYLE=\"ROUNDED\">"
            + "<TR><TD COLSPAN=\"4\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>" + rows.joined() + "</TABLE>"
        return "\"legend\" [id=\"legend\", shape=plain, style=\"\", fontsize=9, label=<\(table)>]"
    }

    private func nodeStatement(_ node: DiagramNode, icons: IconSet) -> String {
        let (shape, style) = Self.shape(node.shape)
        var label = DOTText.html(node.label)
        if let name = node.name {
            label += "<BR/><FONT POINT-SIZE=\"9\">\(DOTText.html(name))</FONT>"
        }
        if !node.caption.isEmpty, node.caption != node.label {
            label += "<BR/><FONT POINT-SIZE=\"8\">\(DOTText.html(node.caption))</FONT>"
        }
        var attributes = DOTAttributes([
            "id": DOTText.quoted("r_" + node.id),
            "class": DOTText.quoted(Self.classes(node)),
            "label": "<\(label)>",
            "shape": shape,
            "fillcolor": "\"\(node.category.color)\"",
            "color": "\"#232F3E\"",
            "fontcolor": "\"\(node.category.textColor)\"",
            "tooltip": DOTText.quoted("\(node.label) (\(node.kind))"),
        ])
        var styles = style.split(separator: ",").map(String.init)
        if let icon = icons.path(for: node) {
            // The icon replaces the coloured shape: a fixed 36 pt picture above the label, in
            // one HTML-like table, so icon and text never overlap whatever the icon's size.
            var rows = "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"36\" HEIGHT=\"36\"><IMG SRC=\"\(DOTText.html(icon))\" SCALE=\"TRUE\"/></TD></TR>"
                + "<TR><TD>\(DOTText.html(node.label))</TD></TR>"
            if let name = node.name { rows += "<TR><TD><FONT POINT-SIZE=\"9\" COLOR=\"#545B64\">\(DOTText.html(name))</FONT></TD></TR>" }
            if node.count > 1 || node.caption != node.kind {
                rows += "<TR><TD><FONT POINT-SIZE=\"9\" COLOR=\"#545B64\">\(DOTText.html(node.caption))</FONT></TD></TR>"
            }
            attributes.set([
                "label": "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"0\">\(rows)</TABLE>>",
                "shape": "box",
                "fillcolor": "\"#FFFFFF\"",
                "color": "\"#FFFFFF\"",
                "fontcolor": "\"#232F3E\"",
                "margin": "\"0.04,0.03\"",
            ])
            styles = ["rounded", "filled"]
        }
        switch node.mark {
        case .added:
            attributes.set(["penwidth": "3.5", "color": "\"#1D8102\""])
        case .changed:
            attributes.set(["penwidth": "3.5", "color": "\"#FF9900\""])
        case .renamed:
            attributes.set(["penwidth": "3.5", "color": "\"#0972D3\""])
        case .moved:
            attributes.set(["penwidth": "3.5", "color": "\"#9469D6\""])
        case .removed:
            styles.append("dashed")
            attributes.set(["penwidth": "2", "color": "\"#D13212\"", "fillcolor": "\"#FDECEA\"", "fontcolor": "\"#D13212\""])
        case nil:
            break
        }
        attributes["style"] = DOTText.quoted(styles.joined(separator: ","))
        if let link = Self.safeLink(node.link) {
            attributes.set(["URL": DOTText.quoted(link), "target": "\"_blank\""])
        }
        return "\(DOTText.nodeID(node.id)) [\(attributes.text)]"
    }

    static func groupIcon(_ container: DiagramContainer, icons: IconSet) -> String? {
        switch container.style {
        case .awsCloud: icons.group("aws-cloud")
        case .region: icons.group("region")
        case .vpc: icons.path(for: KindID.vpc.rawValue)
        case .publicSubnet: icons.group("public-subnet")
        case .privateSubnet, .subnet: icons.group("private-subnet")
        case .ecsCluster: icons.path(for: KindID.ecsCluster.rawValue)
        case .availabilityZone, .generic: nil
        }
    }

    /// With icons the kinds explain themselves; the legend (of the laid-out diagram) explains what icons do not:
    /// the frames drawn, dotted references and diff marks.
    private func frameLegend(_ diagram: Diagram) -> String? {
        var styles: Set<ContainerStyle> = []
        for container in diagram.allContainers { styles.insert(container.style) }
        var rows: [String] = []
        let names: [(ContainerStyle, String)] = [
            (.vpc, "VPC"), (.availabilityZone, "Availability zone (dashed)"), (.publicSubnet, "Public subnet"),
            (.privateSubnet, "Private subnet"), (.ecsCluster, "ECS cluster"), (.generic, "Group (dashed)"),
        ]
        for (style, name) in names where styles.contains(style) {
            rows.append("<TR><TD BGCOLOR=\"\(style.stroke)\" WIDTH=\"14\" HEIGHT=\"4\"></TD><TD ALIGN=\"LEFT\">\(name)</TD></TR>")
        }
        if diagram.edges.contains(where: { $0.style == .association }) {
            rows.append("<TR><TD>┈</TD><TD ALIGN=\"LEFT\">dotted: a reference by attribute (target, discovery, ...)</TD></TR>")
        }
        let marks = Set(diagram.allNodes.compactMap(\.mark) + diagram.edges.compactMap(\.mark) + diagram.allContainers.compactMap(\.mark))
        for (mark, colour, text) in [(DiffMark.added, "#1D8102", "added"), (.changed, "#FF9900", "changed"), (.removed, "#D13212", "removed (dashed)")] where marks.contains(mark) {
            rows.append("<TR><TD BGCOLOR=\"\(colour)\" WIDTH=\"14\" HEIGHT=\"4\"></TD><TD ALIGN=\"LEFT\">\(text)</TD></TR>")
        }
        guard !rows.isEmpty else { return nil }
        let table = "<TABLE BORDER=\"1\" COLOR=\"#AAB7B8\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\" STYLE=\"ROUNDED\">"
            + "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>" + rows.joined() + "</TABLE>"
        return "\"legend\" [id=\"legend\", shape=plain, style=\"\", fontsize=9, label=<\(table)>]"
    }

    /// Classes the geometry checker reads: which resource a node draws (copies of a spanning
    /// resource share it) and every subnet or zone frame it must appear in.
    static func classes(_ node: DiagramNode) -> String {
        (["tg-res-" + node.resource] + node.placements.map { "tg-span-" + $0 }).joined(separator: " ")
    }

    private func clusterStyle(_ container: DiagramContainer) -> String {
        let style = container.style
        var styles = ["rounded", "filled"]
        if style.dashed { styles.append("dashed") }
        var stroke = style.stroke
        var width = style == .vpc ? 2.0 : 1.5
        switch container.mark {
        case .added: stroke = "#1D8102"; width = 3.5
        case .changed: stroke = "#FF9900"; width = 3.5
        case .renamed: stroke = "#0972D3"; width = 3.5
        case .moved: stroke = "#9469D6"; width = 3.5
        case .removed: stroke = "#D13212"; styles.append("dashed")
        case nil: break
        }
        return "style=\(DOTText.quoted(Array(Set(styles)).sorted().joined(separator: ","))); color=\"\(stroke)\"; fillcolor=\"\(style.fill)\"; penwidth=\(width)"
    }

    private func edgeStatement(_ edge: DiagramEdge, number: Int, index: DiagramIndex) -> String {
        let tail = edge.fromIsContainer ? index.anchor(of: edge.from) : index.nodeName(edge.from)
        let head = edge.toIsContainer ? index.anchor(of: edge.to) : index.nodeName(edge.to)
        let id = "e\(number)_\(edge.from)_\(edge.to)"
        var common: [String] = []
        switch edge.style {
        case .flow: break
        case .association: common += ["style=dotted", "color=\"#7D8998\"", "weight=0"]
        case .layout: common += ["style=invis"]
        }
        switch edge.mark {
        case .added: common += ["color=\"#1D8102\"", "penwidth=2.5"]
        case .changed, .renamed, .moved: common += ["color=\"#FF9900\"", "penwidth=2.5"]
        case .removed: common += ["color=\"#D13212\"", "style=dashed"]
        case nil: break
        }
        var first = ["id=\(DOTText.quoted(id))"]
        var second: [String] = []
        if edge.fromIsContainer, !index.isInside(edge.to, edge.from) { first.append("ltail=\(DOTText.clusterID(edge.from))") }
        let lhead = edge.toIsContainer && !index.isInside(edge.from, edge.to) ? ["lhead=\(DOTText.clusterID(edge.to))"] : []
        // Every edge ranks: the layout follows the connections as written. (Ranking by kind
        // tier and letting backward edges float made them wrap around the VPC, through
        // unrelated nodes.)
        if let label = edge.label, !label.isEmpty, edge.style == .flow {
            second = ["id=\(DOTText.quoted(id + "_to"))"] + lhead + common
            let label = DOTText.quoted("label_e\(number)")
            return "\(DOTText.quoted(tail)) -> \(label) [\((first + common + ["arrowhead=none"]).joined(separator: ", "))]\n"
                + "  \(label) -> \(DOTText.quoted(head)) [\(second.joined(separator: ", "))]"
        }
        if let label = edge.label, !label.isEmpty {
            // The dotted line says "reference"; which attribute is on hover, not on the canvas.
            first.append("tooltip=\(DOTText.quoted(label))")
        }
        if edge.style == .association { first.append("arrowhead=none") }
        return "\(DOTText.quoted(tail)) -> \(DOTText.quoted(head)) [\((first + lhead + common).joined(separator: ", "))]"
    }

    static func shape(_ shape: NodeShape) -> (String, String) {
        switch shape {
        case .person: ("ellipse", "filled")
        case .cloud: ("ellipse", "filled")
        case .box: ("box", "filled,rounded")
        case .rounded: ("box", "filled,rounded")
        case .hexagon: ("hexagon", "filled")
        case .cylinder: ("cylinder", "filled")
        case .parallelogram: ("parallelogram", "filled")
        case .shield: ("pentagon", "filled")
        case .document: ("note", "filled")
        }
    }

    /// Only http(s) links become `<a href>`; the validator already refuses anything else,
    /// and this keeps the renderer safe on its own.
    static func safeLink(_ link: String?) -> String? {
        guard let link, let scheme = URL(string: link)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        // Graphviz 2.43 copies URLs into SVG attributes without XML-escaping them (a `"` in
        // a query string ended the attribute early), so the URL arrives escaped.
        return LinkText.attributeSafe(link).replacingOccurrences(of: "&", with: "&amp;")
    }
}
