extension KindCatalog {
    static let genericKinds: [KindSpec] = [
        KindSpec(
            .generic, .generic, title: "Generic",
            summary: "Anything the catalog lacks; may hold other resources, and may sit anywhere.",
            attributes: [
                AttributeSpec(
                    "category", .oneOf(KindCategory.allCases.map(\.rawValue)),
                    "Category whose colour and tier it takes."),
                AttributeSpec(
                    "icon", .string,
                    "An AWS Architecture Icon to draw it with: a service (`sagemaker`, `glue`, `ml/sagemaker`) or a kind id (`sqs`); `topograph kinds --icons` lists them.",
                    isExtension: true),
            ],
            parents: nil, isContainer: true, shape: .box,
            example: "training: { kind: generic, category: compute, icon: sagemaker, label: Model training }"),
    ]
}
