extension KindID {
    package static let firehose = KindID("firehose")
}

extension KindSpec {
    /// Amazon Data Firehose (Kinesis Data Firehose).
    static let firehose = KindSpec(
        .firehose, .analytics, title: "Data Firehose stream",
        summary: "Delivers records in buffered batches to S3, OpenSearch, Redshift or HTTP endpoints, optionally transformed by a Lambda function.",
        attributes: [
            AttributeSpec("source", .reference([.kinesisStream, .msk]), "Id of the stream it reads (direct PUT when omitted)."),
            AttributeSpec("destination", .reference([.s3, .opensearch, .externalService]), "Id of where it delivers (a connection from it says the same)."),
            AttributeSpec("transform", .reference([.lambda]), "Id of the Lambda function that transforms records."),
            AttributeSpec("buffer_seconds", .int, "Buffer interval in seconds (0 to 900).", range: 0...900),
            AttributeSpec("buffer_mb", .int, "Buffer size in MiB (1 to 128).", range: 1...128),
            AttributeSpec("backup", .reference([.s3]), "Id of the bucket failed or all records are backed up to."),
            .encrypted("Server-side encryption of the delivery stream."),
        ],
        shape: .rounded,
        example: "clicks-to-lake: { kind: firehose, source: stream, destination: lake, buffer_seconds: 300 }",
        scope: .regional,
        icon: KindIcon(
            diagrams: "aws/analytics/kinesis-data-firehose.png", assetPackage: ["Arch_Amazon-Data-Firehose", "Arch_Amazon-Kinesis-Data-Firehose"]),
        iacTypes: KindIaCTypes(
            cloudFormation: ["AWS::KinesisFirehose::DeliveryStream"], terraform: ["aws_kinesis_firehose_delivery_stream"]),
        diffTraits: KindDiffTraits(key: ["source", "destination", "transform"]),
        nameRule: AWSValueRule(
            "a Firehose stream name", "1 to 64 letters, digits and `_.-`", pattern: "[A-Za-z0-9_.-]+", maxLength: 64),
        createdAfter: .kinesisStream, connectionMeaning: "delivers to",
        idWords: ["firehose", "delivery", "stream"], isExtension: true)
}
