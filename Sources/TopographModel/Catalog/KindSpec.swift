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

    package init(
        _ id: KindID, _ category: KindCategory, title: String, summary: String,
        attributes: [AttributeSpec] = [], parents: [KindID]? = [], isContainer: Bool = false,
        shape: NodeShape = .box, example: String
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
        if parent.id == "generic" { return true }
        guard let parents else { return true }
        return parents.contains(parent.id)
    }
}
