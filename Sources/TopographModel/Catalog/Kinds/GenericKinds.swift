extension KindCatalog {
    static let genericKinds: [KindSpec] = [
        KindSpec(
            "generic", .generic, title: "Generic",
            summary: "Anything the catalog lacks; may hold other resources, and may sit anywhere.",
            attributes: [
                AttributeSpec(
                    "category", .oneOf(KindCategory.allCases.map(\.rawValue)),
                    "Category whose colour and tier it takes."),
            ],
            parents: nil, isContainer: true, shape: .box,
            example: "legacy: { kind: generic, category: compute, label: Legacy batch host }"),
    ]
}
