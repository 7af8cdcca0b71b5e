extension KindID {
    package static let kinesisStream = KindID("kinesis-stream")
}

extension KindSpec {
    /// Amazon Kinesis Data Streams.
    static let kinesisStream = KindSpec(
        .kinesisStream, .analytics, title: "Kinesis data stream",
        summary: "An ordered, replayable stream of records in shards; consumers (Lambda, Firehose, applications) read it in order per shard.",
        attributes: [
            AttributeSpec("mode", .oneOf(["provisioned", "on-demand"]), "Capacity mode: fixed shards or on-demand."),
            AttributeSpec("shards", .int, "Shard count in provisioned mode (1 MB/s or 1000 records/s in per shard).", range: 1...10_000),
            AttributeSpec("retention_hours", .int, "Hours records are kept (24 to 8760; default 24).", range: 24...8760),
            .encrypted("Server-side encryption with KMS (off unless set)."),
            .kmsKey,
        ],
        shape: .rounded,
        example: "clicks: { kind: kinesis-stream, mode: on-demand, retention_hours: 48, encrypted: true }",
        scope: .regional,
        icon: KindIcon(diagrams: "aws/analytics/kinesis-data-streams.png", assetPackage: ["Arch_Amazon-Kinesis-Data-Streams"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::Kinesis::Stream"], terraform: ["aws_kinesis_stream"]),
        diffTraits: KindDiffTraits(key: ["mode", "shards", "retention_hours"]),
        nameRule: AWSValueRules.streamName,
        createdAfter: .eventBridgeBus, connectionMeaning: "streams to",
        idWords: ["kinesis", "stream", "data"], isExtension: true)
}
