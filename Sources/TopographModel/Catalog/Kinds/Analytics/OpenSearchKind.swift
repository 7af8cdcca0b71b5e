extension KindID {
    package static let opensearch = KindID("opensearch")
}

extension KindSpec {
    /// Amazon OpenSearch Service domain (or a Serverless collection).
    static let opensearch = KindSpec(
        .opensearch, .analytics, title: "OpenSearch domain",
        summary: "Search and log analytics: an OpenSearch Service domain in the VPC's subnets (or with a public endpoint when not in a VPC), or a Serverless collection.",
        attributes: [
            AttributeSpec("engine_version", .string, "e.g. OpenSearch_2.13.", rule: AWSValueRule(
                "an engine version", "`OpenSearch_X.Y` or `Elasticsearch_X.Y`", pattern: "(?:OpenSearch|Elasticsearch)_[0-9]+\\.[0-9]+", maxLength: 32)),
            AttributeSpec("data_nodes", .int, "Data node count (a multiple of the zones with zone awareness).", range: 1...1000),
            AttributeSpec("data_node_type", .string, "Data node instance type, e.g. r6g.large.search.", rule: AWSValueRule(
                "an OpenSearch instance type", "`family.size.search`, e.g. `r6g.large.search`", pattern: "[a-z0-9]+\\.[a-z0-9]+\\.(?:search|elasticsearch)", maxLength: 64)),
            AttributeSpec("dedicated_masters", .int, "Dedicated master nodes (3 recommended; 0 for none).", range: 0...5),
            AttributeSpec("serverless", .bool, "An OpenSearch Serverless collection rather than a domain."),
            .encrypted("Encryption at rest."),
            AttributeSpec("node_to_node_encryption", .bool, "TLS between the domain's nodes."),
            AttributeSpec("https_required", .bool, "Whether the endpoint refuses plain HTTP (EnforceHTTPS)."),
            .kmsKey,
            .ingress,
        ],
        parents: KindCatalog.inVPC, shape: .cylinder,
        example: "search: { kind: opensearch, subnets: [private-a, private-b], data_nodes: 2, data_node_type: r6g.large.search, encrypted: true, node_to_node_encryption: true, https_required: true }",
        scope: .regionalOrVPC,
        icon: KindIcon(diagrams: "aws/analytics/amazon-opensearch-service.png", assetPackage: ["Arch_Amazon-OpenSearch-Service"]),
        iacTypes: KindIaCTypes(
            cloudFormation: ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain", "AWS::OpenSearchServerless::Collection"],
            terraform: ["aws_opensearch_domain", "aws_elasticsearch_domain", "aws_opensearchserverless_collection"]),
        diffTraits: KindDiffTraits(key: ["engine_version", "data_nodes", "data_node_type", "encrypted", "subnets"]),
        nameRule: AWSValueRule(
            "an OpenSearch domain name", "3 to 28 lowercase letters, digits and hyphens, starting with a letter",
            pattern: "[a-z][a-z0-9-]{2,27}", maxLength: 28),
        createdAfter: .memorydb, connectionMeaning: nil,
        idWords: ["opensearch", "search", "domain", "elasticsearch", "es"], isExtension: true)
}
