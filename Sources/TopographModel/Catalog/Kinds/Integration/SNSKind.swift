extension KindID {
    package static let sns = KindID("sns")
}

extension KindSpec {
    /// Amazon SNS. A connection from the topic is one subscription.
    static let sns = KindSpec(
        .sns, .integration, title: "SNS topic",
        summary: "A topic that fans each message out to its subscriptions (queues, functions, HTTPS endpoints, email); each connection out of it is one subscription.",
        attributes: [
            AttributeSpec("fifo", .bool, "A FIFO topic (ordered, deduplicated; only SQS FIFO queues subscribe); its name then ends in `.fifo`."),
            .deadLetterQueue("Id of the queue that receives messages its subscriptions could not take (the subscriptions' redrive policy)."),
            .encrypted("Server-side encryption with a KMS key (SNS does not encrypt at rest unless a key is set)."),
            .kmsKey,
            AttributeSpec("raw_delivery", .bool, "Raw message delivery to SQS and HTTPS subscribers (no SNS envelope)."),
        ],
        shape: .rounded,
        example: "order-events: { kind: sns, encrypted: true, kms_key: key }",
        scope: .regional,
        icon: KindIcon(
            diagrams: "aws/integration/simple-notification-service-sns-topic.png",
            assetPackage: ["Res_Amazon-Simple-Notification-Service_Topic", "Arch_Amazon-Simple-Notification-Service"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::SNS::Topic"], terraform: ["aws_sns_topic"]),
        diffTraits: KindDiffTraits(key: ["fifo", "encrypted", "dlq"]),
        nameRule: AWSValueRule(
            "an SNS topic name", "1 to 256 letters, digits, hyphens and underscores; a FIFO topic's name ends in `.fifo`",
            pattern: "[A-Za-z0-9_-]+(?:\\.fifo)?", maxLength: 256),
        createdAfter: .sqs, connectionMeaning: "subscription",
        idWords: ["sns", "topic"], isExtension: true)
}
