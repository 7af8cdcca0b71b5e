extension KindCatalog {
    static let operationsKinds: [KindSpec] = [
        KindSpec(
            .ecr, .operations, title: "ECR repository", summary: "A container image repository.",
            shape: .document, example: "images: { kind: ecr, name: web }"),
        KindSpec(
            .cloudwatch, .operations, title: "CloudWatch", summary: "Logs, metrics and alarms.",
            shape: .document, example: "logs: { kind: cloudwatch }"),
        KindSpec(
            .cloudMap, .operations, title: "Cloud Map namespace",
            summary: "Service discovery namespace that ECS services register in (Service Connect, HTTP API integrations).",
            attributes: [AttributeSpec("namespace", .string, "The namespace name, e.g. internal.local.")],
            parents: [.vpc], shape: .document, example: "discovery: { kind: cloud-map, namespace: internal.local }"),
    ]
}
