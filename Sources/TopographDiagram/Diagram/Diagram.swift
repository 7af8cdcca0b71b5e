import TopographModel

/// A diagram, made for renderers: what to draw, how it is nested and styled, with no
/// trace of YAML. Mermaid and Graphviz both consume this (as d2's renderers consume
/// d2target), so the two outputs cannot drift apart.
package struct Diagram: Sendable, Hashable {
    package var title: String
    package var subtitle: String?
    package var direction: DiagramDirection
    /// Top-level items in file order; containers hold their own children.
    package var items: [DiagramItem]
    package var edges: [DiagramEdge]
    /// Kinds drawn, in order of first appearance.
    package var legend: [LegendEntry]
    /// The topology's `region:`, named on the Region frame.
    package var region: String?
    /// The stage's name, unless the topology has no stages.
    package var stageName: String?

    package init(title: String, subtitle: String? = nil, direction: DiagramDirection, items: [DiagramItem], edges: [DiagramEdge], legend: [LegendEntry], region: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.region = region
        self.direction = direction
        self.items = items
        self.edges = edges
        self.legend = legend
    }

    /// Every node, depth first, in drawing order.
    package var allNodes: [DiagramNode] {
        var result: [DiagramNode] = []
        func walk(_ items: [DiagramItem]) {
            for item in items {
                switch item {
                case .node(let node): result.append(node)
                case .container(let container): walk(container.children)
                }
            }
        }
        walk(items)
        return result
    }

    /// Every container, depth first (parents before children).
    package var allContainers: [DiagramContainer] {
        var result: [DiagramContainer] = []
        func walk(_ items: [DiagramItem]) {
            for case .container(let container) in items {
                result.append(container)
                walk(container.children)
            }
        }
        walk(items)
        return result
    }
}

package enum DiagramDirection: String, Sendable, Hashable, CaseIterable {
    case leftToRight = "LR"
    case topToBottom = "TB"
}

/// How an element relates to a previous version, for diff diagrams.
package enum DiffMark: String, Sendable, Hashable {
    case added
    case changed
    case removed
    /// Found under a new id (a diff diagram also says "renamed from ..." in the caption).
    case renamed
    /// Placed in another container ("moved from ...").
    case moved
}

package indirect enum DiagramItem: Sendable, Hashable {
    case node(DiagramNode)
    case container(DiagramContainer)

    package var id: String {
        switch self {
        case .node(let node): node.id
        case .container(let container): container.id
        }
    }
}

package struct DiagramNode: Sendable, Hashable {
    package var id: String
    package var label: String
    /// The kind id shown under the label (`ecs-service`), or a summary for collapsed nodes.
    package var caption: String
    package var kind: String
    package var category: KindCategory
    package var shape: NodeShape
    /// An http(s) URL the node links to (the first of the resource's `links`).
    package var link: String?
    package var mark: DiffMark?
    /// Containers besides its own that the resource spans (`zones:` / `subnets:`),
    /// which a renderer may show without breaking strict nesting.
    package var spans: [String]
    /// How many resources this node stands for (more than one in a collapsed view).
    package var count: Int
    /// The resource's AWS `name:` when it was written and differs from the label.
    package var name: String?
    /// Every subnet or zone container the resource is declared in (`subnets:`, `zones:`),
    /// in file order; empty when it sits only where `in:` puts it.
    package var placements: [String]
    /// The resource this node draws: its own id, or the spanning resource a per-subnet
    /// copy stands for.
    package var resource: String
    /// The AWS icon a `generic` resource asks for (`icon: sagemaker`), drawn instead of its kind's.
    package var icon: String?

    package init(
        id: String, label: String, caption: String, kind: String, category: KindCategory, shape: NodeShape,
        link: String? = nil, mark: DiffMark? = nil, spans: [String] = [], count: Int = 1,
        name: String? = nil, placements: [String] = [], resource: String? = nil, icon: String? = nil
    ) {
        self.icon = icon
        self.name = name
        self.placements = placements
        self.resource = resource ?? id
        self.id = id
        self.label = label
        self.caption = caption
        self.kind = kind
        self.category = category
        self.shape = shape
        self.link = link
        self.mark = mark
        self.spans = spans
        self.count = count
    }
}

package struct DiagramContainer: Sendable, Hashable {
    package var id: String
    package var label: String
    package var caption: String
    package var kind: String
    package var style: ContainerStyle
    package var link: String?
    package var mark: DiffMark?
    package var children: [DiagramItem]

    package init(id: String, label: String, caption: String, kind: String, style: ContainerStyle, link: String? = nil, mark: DiffMark? = nil, children: [DiagramItem]) {
        self.id = id
        self.label = label
        self.caption = caption
        self.kind = kind
        self.style = style
        self.link = link
        self.mark = mark
        self.children = children
    }
}

/// AWS's group conventions: a VPC is a solid purple frame, an AZ a dashed blue one,
/// public subnets green, private subnets teal, an ECS cluster orange.
package enum ContainerStyle: String, Sendable, Hashable {
    case vpc
    case availabilityZone = "availability-zone"
    case publicSubnet = "public-subnet"
    case privateSubnet = "private-subnet"
    case subnet
    case ecsCluster = "ecs-cluster"
    case generic
    /// AWS's group frames around everything in AWS (Graphviz only).
    case awsCloud = "aws-cloud"
    case region

    package var stroke: String {
        switch self {
        case .awsCloud: "#232F3E"
        case .region: "#00A4A6"
        case .vpc: "#8C4FFF"
        case .availabilityZone: "#147EBA"
        case .publicSubnet: "#7AA116"
        case .privateSubnet: "#00A4A6"
        case .subnet: "#7D8998"
        case .ecsCluster: "#ED7100"
        case .generic: "#7D8998"
        }
    }

    package var fill: String {
        switch self {
        case .awsCloud, .region: "#FFFFFF"
        case .vpc: "#FFFFFF"
        case .availabilityZone: "#FFFFFF"
        case .publicSubnet: "#F2F6E8"
        case .privateSubnet: "#E6F6F7"
        case .subnet: "#F2F3F3"
        case .ecsCluster: "#FDF1E5"
        case .generic: "#FAFAFA"
        }
    }

    package var dashed: Bool { self == .availabilityZone || self == .generic || self == .region }
}

package struct DiagramEdge: Sendable, Hashable {
    package var from: String
    package var to: String
    package var label: String?
    package var fromIsContainer: Bool
    package var toIsContainer: Bool
    package var mark: DiffMark?
    /// Edges that stand for several connections in a collapsed view.
    package var count: Int
    package var style: EdgeStyle

    package init(
        from: String, to: String, label: String?, fromIsContainer: Bool = false, toIsContainer: Bool = false,
        mark: DiffMark? = nil, count: Int = 1, style: EdgeStyle = .flow
    ) {
        self.style = style
        self.from = from
        self.to = to
        self.label = label
        self.fromIsContainer = fromIsContainer
        self.toIsContainer = toIsContainer
        self.mark = mark
        self.count = count
    }
}

package enum EdgeStyle: String, Sendable, Hashable {
    /// A connection: traffic or data flowing from one end to the other.
    case flow
    /// A reference written as an attribute (autoscaling `target:`, `discovery:`,
    /// `authorizer:`, a VPC link's `targets:`): drawn dotted, without an arrowhead.
    case association
    /// Not drawn: keeps something next to what it belongs to (an internet gateway at its VPC).
    case layout
}

package struct LegendEntry: Sendable, Hashable {
    package var kind: String
    package var title: String
    package var category: KindCategory
    package var shape: NodeShape
}
