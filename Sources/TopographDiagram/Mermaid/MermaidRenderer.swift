import TopographModel

/// `Diagram` -> Mermaid `flowchart` source: nested `subgraph`s for containers, shapes and
/// `classDef` colours by category, AWS group colours for containers, diff marks as
/// classes and `linkStyle`s. Same diagram in, same bytes out.
package struct MermaidRenderer: Sendable {
    /// Mermaid 11's defaults, which GitHub runs with.
    package static let maxEdges = 500
    package static let maxTextSize = 50_000

    /// Mermaid's `flowchart.nodeSpacing` when not its default (50): a view too wide for
    /// GitHub's column may be drawn tighter (see `MermaidViewChooser`).
    package var nodeSpacing: Int?

    package init(nodeSpacing: Int? = nil) {
        self.nodeSpacing = nodeSpacing
    }

    package func render(_ diagram: Diagram, header: String? = nil) -> String {
        var lines: [String] = []
        // Mermaid draws a front-matter title above the diagram; it must open the text.
        // A JSON string is a YAML double-quoted scalar, so any title stays one value.
        let title = diagram.stageName.map { "\(diagram.title) (\($0))" } ?? diagram.title
        lines += ["---", "title: " + MermaidText.frontMatterString(title)]
        if let nodeSpacing { lines += ["config:", "  flowchart:", "    nodeSpacing: \(nodeSpacing)"] }
        lines.append("---")
        if let header {
            for line in header.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("%% " + line.replacingOccurrences(of: "%%", with: "% %"))
            }
        }
        lines.append("flowchart \(diagram.direction.rawValue)")
        var categoryMembers: [KindCategory: [String]] = [:]
        var styleMembers: [ContainerStyle: [String]] = [:]
        var markMembers: [DiffMark: [String]] = [:]
        var clicks: [String] = []

        func emit(_ items: [DiagramItem], indent: String, parent: DiagramContainer? = nil) {
            for item in items {
                switch item {
                case .node(let node):
                    let id = MermaidText.id(node.id)
                    lines.append(MermaidText.statement(indent + id + shape(node.shape, text: nodeText(node.label, caption: node.caption))))
                    categoryMembers[node.category, default: []].append(id)
                    if let mark = node.mark { markMembers[mark, default: []].append(id) }
                    if let link = node.link { clicks.append(MermaidText.statement("click \(id) href \"\(MermaidText.url(link))\" _blank")) }
                case .container(let container):
                    let id = MermaidText.id(container.id)
                    lines.append(MermaidText.statement(indent + "subgraph \(id)[\"\(containerTitle(container, parent: parent))\"]"))
                    emit(container.children, indent: indent + "  ", parent: container)
                    lines.append(indent + "end")
                    styleMembers[container.style, default: []].append(id)
                    if let mark = container.mark { markMembers[mark, default: []].append(id) }
                }
            }
        }
        emit(diagram.items, indent: "  ")

        var linkStyles: [String] = []
        // Attribute references stay out of Mermaid: GitHub's column has no room for them
        // (they made the example's stages 30% wider); the Graphviz diagrams draw them.
        for (index, edge) in diagram.edges.filter({ $0.style == .flow }).enumerated() {
            var arrow: String
            switch edge.mark {
            case .removed: arrow = "-.->"
            case .added: arrow = "==>"
            default: arrow = "-->"
            }
            // An attribute reference, not traffic: dotted, no arrowhead.
            if edge.style == .association, edge.mark == nil { arrow = "-.-" }
            let label = edge.label.map { "|\"\(MermaidText.label($0))\"|" } ?? ""
            lines.append(MermaidText.statement("  \(MermaidText.id(edge.from)) \(arrow)\(label) \(MermaidText.id(edge.to))"))
            if let mark = edge.mark { linkStyles.append("  linkStyle \(index) \(Self.edgeStyle(mark))") }
        }

        for category in KindCategory.allCases {
            guard let members = categoryMembers[category] else { continue }
            lines.append("  classDef cat_\(Self.className(category.rawValue)) fill:\(category.color),stroke:#232F3E,color:\(category.textColor)")
            lines.append(contentsOf: Self.classLines(members, className: "cat_\(Self.className(category.rawValue))"))
        }
        for style in [ContainerStyle.vpc, .availabilityZone, .publicSubnet, .privateSubnet, .subnet, .ecsCluster, .generic] {
            guard let members = styleMembers[style] else { continue }
            let dash = style.dashed ? ",stroke-dasharray:6 4" : ""
            lines.append("  classDef grp_\(Self.className(style.rawValue)) fill:\(style.fill),stroke:\(style.stroke),stroke-width:2px,color:#232F3E\(dash)")
            lines.append(contentsOf: Self.classLines(members, className: "grp_\(Self.className(style.rawValue))"))
        }
        for mark in [DiffMark.added, .changed, .renamed, .moved, .removed] {
            guard let members = markMembers[mark] else { continue }
            lines.append("  classDef diff_\(mark.rawValue) \(Self.nodeStyle(mark))")
            lines.append(contentsOf: Self.classLines(members, className: "diff_\(mark.rawValue)"))
        }
        lines.append(contentsOf: linkStyles)
        lines.append(contentsOf: clicks.map { "  " + $0 })
        return lines.joined(separator: "\n") + "\n"
    }

    private func nodeText(_ label: String, caption: String) -> String {
        let escaped = MermaidText.label(label)
        guard !caption.isEmpty, caption != label else { return escaped }
        return escaped + "<br/><small>" + MermaidText.label(caption) + "</small>"
    }

    /// Mermaid reserves one line for a subgraph's title; a second line would overlap the
    /// first child, so the caption joins the label on the same line.
    private func containerTitle(_ container: DiagramContainer, parent: DiagramContainer?) -> String {
        let escaped = MermaidText.label(container.label)
        guard let caption = Self.caption(of: container, in: parent) else { return escaped }
        return escaped + " · <small>" + MermaidText.label(caption) + "</small>"
    }

    /// The caption a subgraph's title shows, if any. Mermaid widens a subgraph to its title
    /// after the layout without moving its neighbours, so a title wider than the content
    /// pushes the frame over its parent's border: a subnet drawn inside its AZ's frame does
    /// not repeat the AZ ("private-a · Private subnet", not "... · us-east-1a").
    static func caption(of container: DiagramContainer, in parent: DiagramContainer?) -> String? {
        guard !container.caption.isEmpty, container.caption != container.label else { return nil }
        if let parent, parent.style == .availabilityZone, container.caption.hasSuffix(" · " + parent.label) {
            return String(container.caption.dropLast(parent.label.count + 3))
        }
        return container.caption
    }

    private func shape(_ shape: NodeShape, text: String) -> String {
        switch shape {
        case .person: "([\"\(text)\"])"
        case .cloud: "((\"\(text)\"))"
        case .box: "[\"\(text)\"]"
        case .rounded: "(\"\(text)\")"
        case .hexagon: "{{\"\(text)\"}}"
        case .cylinder: "[(\"\(text)\")]"
        case .parallelogram: "[/\"\(text)\"/]"
        case .shield: "[[\"\(text)\"]]"
        case .document: ">\"\(text)\"]"
        }
    }

    static func className(_ raw: String) -> String {
        raw.replacingOccurrences(of: "-", with: "_")
    }

    /// `class a,b,c name`, wrapped so no line grows without bound.
    static func classLines(_ members: [String], className: String) -> [String] {
        stride(from: 0, to: members.count, by: 50).map { start in
            "  class \(members[start..<min(start + 50, members.count)].joined(separator: ",")) \(className)"
        }
    }

    static func nodeStyle(_ mark: DiffMark) -> String {
        switch mark {
        case .added: "stroke:#1D8102,stroke-width:4px"
        case .changed: "stroke:#FF9900,stroke-width:4px"
        case .renamed: "stroke:#0972D3,stroke-width:4px"
        case .moved: "stroke:#9469D6,stroke-width:4px"
        case .removed: "fill:#FDECEA,stroke:#D13212,stroke-width:2px,stroke-dasharray:5 5,color:#D13212"
        }
    }

    static func edgeStyle(_ mark: DiffMark) -> String {
        switch mark {
        case .added: "stroke:#1D8102,stroke-width:3px"
        case .changed, .renamed, .moved: "stroke:#FF9900,stroke-width:3px"
        case .removed: "stroke:#D13212,stroke-width:2px,stroke-dasharray:5 5"
        }
    }

    /// Why GitHub's Mermaid would refuse or blank this source, if it would.
    package static func limitProblems(source: String, diagram: Diagram) -> [String] {
        var problems: [String] = []
        if diagram.edges.count > maxEdges {
            problems.append("\(diagram.edges.count) edges (Mermaid refuses more than \(maxEdges))")
        }
        if source.count > maxTextSize {
            problems.append("\(source.count) characters (Mermaid replaces diagrams over \(maxTextSize) with a placeholder)")
        }
        return problems
    }
}
