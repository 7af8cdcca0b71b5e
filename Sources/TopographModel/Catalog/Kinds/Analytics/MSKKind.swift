extension KindID {
    package static let msk = KindID("msk")
}

extension KindSpec {
    /// Amazon MSK: brokers in subnets across two or three zones.
    static let msk = KindSpec(
        .msk, .analytics, title: "MSK cluster",
        summary: "Managed Apache Kafka: brokers in private subnets across two or three zones (or MSK Serverless); producers and consumers reach it inside the VPC.",
        attributes: [
            AttributeSpec("kafka_version", .string, "Apache Kafka version, e.g. 3.6.0.", rule: AWSValueRules.kafkaVersion),
            AttributeSpec("brokers", .int, "Number of broker nodes, a multiple of the zones it spans.", range: 1...90),
            AttributeSpec(
                "broker_type", .string, "Broker instance type, e.g. kafka.m7g.large.",
                rule: AWSValueRule("a broker type", "`kafka.family.size`, e.g. `kafka.m7g.large`", pattern: "kafka\\.[a-z0-9]+\\.[a-z0-9]+", maxLength: 64)),
            AttributeSpec("serverless", .bool, "MSK Serverless (IAM authentication only, no brokers to size)."),
            AttributeSpec("client_tls", .oneOf(["TLS", "TLS_PLAINTEXT", "PLAINTEXT"]), "Encryption between clients and brokers (AWS default TLS)."),
            AttributeSpec("auth", .list(.oneOf(["iam", "scram", "tls", "unauthenticated"])), "Client authentication methods."),
            AttributeSpec("public_access", .bool, "Whether brokers have public endpoints."),
            .kmsKey,
            .ingress,
        ],
        parents: KindCatalog.inVPC, shape: .cylinder,
        example: "events-kafka: { kind: msk, subnets: [private-a, private-b], brokers: 2, broker_type: kafka.m7g.large, auth: [iam] }",
        scope: .subnets,
        icon: KindIcon(
            diagrams: "aws/analytics/managed-streaming-for-kafka.png", assetPackage: ["Arch_Amazon-Managed-Streaming-for-Apache-Kafka"]),
        iacTypes: KindIaCTypes(
            cloudFormation: ["AWS::MSK::Cluster", "AWS::MSK::ServerlessCluster"], terraform: ["aws_msk_cluster", "aws_msk_serverless_cluster"]),
        diffTraits: KindDiffTraits(unordered: ["auth"], key: ["brokers", "broker_type", "client_tls", "auth", "subnets"]),
        nameRule: AWSValueRule(
            "an MSK cluster name", "1 to 64 letters, digits and hyphens, starting with a letter or digit",
            pattern: "[A-Za-z0-9][A-Za-z0-9-]*", maxLength: 64),
        createdAfter: .firehose, connectionMeaning: "streams to",
        idWords: ["msk", "kafka", "cluster"], isExtension: true)
}
