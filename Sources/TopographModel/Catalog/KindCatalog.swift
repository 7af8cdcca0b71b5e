/// The one list of kinds. `topograph kinds`, the validator, the diagram styles and the JSON
/// Schema all read it; adding a kind is adding a `KindSpec` to one of `Kinds/*.swift`.
package enum KindCatalog {
    package static let all: [KindSpec] =
        (externalKinds + networkKinds + securityKinds + loadBalancingKinds + apiKinds
        + computeKinds + dataKinds + operationsKinds + genericKinds + oneFileKinds).map(withSecurityExtensions)

    private static let byID: [KindID: KindSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    package static func spec(_ id: KindID) -> KindSpec? { byID[id] }

    package static func spec(_ id: String) -> KindSpec? { byID[KindID(id)] }

    package static var ids: [String] { all.map(\.id.rawValue) }

    /// Attributes every kind accepts.
    package static let commonAttributes: [AttributeSpec] = [
        AttributeSpec("kind", .oneOf([]), "The resource kind, one of `topograph kinds`.", required: true),
        AttributeSpec("label", .string, "What diagrams show; defaults to the id."),
        AttributeSpec("name", .string, "The resource's name in AWS (cluster, service, load balancer ...), used by runbook commands; defaults to the id."),
        AttributeSpec("in", .reference([]), "Id of the container this resource sits in (vpc > availability-zone > subnet > ecs-cluster)."),
        AttributeSpec("notes", .markdown, "Free Markdown, copied into generated docs."),
        AttributeSpec("tags", .stringMap, "Free key/value strings."),
        AttributeSpec("links", .list(.url), "http/https URLs; diagrams turn them into links."),
        AttributeSpec("zones", .list(.string), "Availability zones a multi-AZ resource spans (e.g. us-east-1a)."),
        AttributeSpec(
            "subnets", .list(.reference([.subnet])),
            "Subnets a resource is placed in when it spans several (an ECS service, a load balancer); `in:` can hold only one.",
            isExtension: true),
        AttributeSpec(
            "lint", .object([AttributeSpec("ignore", .list(.string), "Lint rule ids not to report for this resource.")]),
            "Lint settings for this resource: `{ ignore: [rule-id] }`.", isExtension: true),
    ]

    /// Containers a resource living in a VPC may be placed in.
    static let inVPC: [KindID] = [.vpc, .availabilityZone, .subnet]
}
