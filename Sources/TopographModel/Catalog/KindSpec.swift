/// How a kind is drawn when it is a node (containers are drawn as clusters).
package enum NodeShape: String, Sendable, Hashable {
    case person
    case cloud
    case box
    case rounded
    case hexagon
    case cylinder
    case parallelogram
    case shield
    case document
}

/// Where AWS places a resource of a kind: what the docs say and placement lint reads.
package enum KindScope: String, Sendable, Hashable {
    /// A regional service reached through its endpoint; never in a VPC.
    case regional
    /// Regional, with an optional VPC attachment (ENIs in subnets when configured).
    case regionalOrVPC = "regional-or-vpc"
    /// Lives in a VPC's subnets, one per zone it spans.
    case subnets

    package var summary: String {
        switch self {
        case .regional: "a regional service (no VPC)"
        case .regionalOrVPC: "regional; in a VPC's subnets when given `in:` or `subnets:`"
        case .subnets: "in a VPC's subnets, one per availability zone it spans"
        }
    }
}

/// One entry of the kind catalog: what a kind is, what it accepts, where it may sit.
/// Adding a kind is adding one of these to a file under `Catalog/Kinds/`.
package struct KindSpec: Sendable, Hashable {
    package var id: KindID
    package var category: KindCategory
    package var title: String
    package var summary: String
    /// Attributes beyond the common ones every kind accepts.
    package var attributes: [AttributeSpec]
    /// Kinds this kind may be placed `in:`. `nil` means anywhere; `[]` top level only.
    package var parents: [KindID]?
    /// Whether other resources may be placed inside it (drawn as a cluster).
    package var isContainer: Bool
    package var shape: NodeShape
    /// A YAML snippet (one resource entry) shown by `topograph kinds ID` and in the docs.
    package var example: String
    /// Where AWS puts the resource (regional service, in a VPC's subnets, ...), for docs and lint.
    package var scope: KindScope?
    /// Its AWS Architecture Icon; `KindIcons.table` reads it.
    package var icon: KindIcon?
    /// The CloudFormation and Terraform types it stands for; import and drift read them.
    package var iacTypes: KindIaCTypes?
    /// How the diff treats its attributes.
    package var diffTraits: KindDiffTraits?
    /// AWS's rule for its `name`, when the name reaches a command.
    package var nameRule: AWSValueRule?
    /// The kind a rollout creates just before this one (`KindCatalog.creationOrder`).
    package var createdAfter: KindID?
    /// What a connection out of it means when the connection has no label of its own
    /// ("delivers to" for a queue, "triggers" for a rule); diagrams show it.
    package var connectionMeaning: String?
    /// Words in a template's logical ids that only repeat the kind (`OrdersQueue` is the
    /// queue `orders`); import's id matching drops them.
    package var idWords: Set<String>
    /// A kind beyond format v1 (`Docs/kinds.md` says so).
    package var isExtension: Bool

    package init(
        _ id: KindID, _ category: KindCategory, title: String, summary: String,
        attributes: [AttributeSpec] = [], parents: [KindID]? = [], isContainer: Bool = false,
        shape: NodeShape = .box, example: String, scope: KindScope? = nil, icon: KindIcon? = nil,
        iacTypes: KindIaCTypes? = nil, diffTraits: KindDiffTraits? = nil, nameRule: AWSValueRule? = nil,
        createdAfter: KindID? = nil, connectionMeaning: String? = nil, idWords: Set<String> = [], isExtension: Bool = false
    ) {
        self.id = id
        self.category = category
        self.title = title
        self.summary = summary
        self.attributes = attributes
        self.parents = parents
        self.isContainer = isContainer
        self.shape = shape
        self.example = example
        self.scope = scope
        self.icon = icon
        self.iacTypes = iacTypes
        self.diffTraits = diffTraits
        self.nameRule = nameRule
        self.createdAfter = createdAfter
        self.connectionMeaning = connectionMeaning
        self.idWords = idWords
        self.isExtension = isExtension
    }

    package func attribute(_ name: String) -> AttributeSpec? {
        attributes.first { $0.name == name } ?? KindCatalog.commonAttributes.first { $0.name == name }
    }

    /// Every attribute name this kind accepts, common ones first.
    package var allAttributeNames: [String] {
        KindCatalog.commonAttributes.map(\.name) + attributes.map(\.name)
    }

    package func mayBePlaced(in parent: KindSpec) -> Bool {
        guard parent.isContainer else { return false }
        if parent.id == .generic { return true }
        guard let parents else { return true }
        return parents.contains(parent.id)
    }
}
