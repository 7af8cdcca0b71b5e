extension KindID {
    package static let sqs = KindID("sqs")
}

extension KindSpec {
    /// Amazon SQS. Value ranges from the `CreateQueue` API reference.
    static let sqs = KindSpec(
        .sqs, .integration, title: "SQS queue",
        summary: "A queue that buffers messages until a consumer (a Lambda function, a service) takes them; with `dlq:` failed messages move aside.",
        attributes: [
            AttributeSpec("fifo", .bool, "A FIFO queue (ordered, exactly-once processing); its name then ends in `.fifo`."),
            AttributeSpec(
                "visibility_timeout", .int,
                "Seconds a received message stays hidden from other consumers (0 to 43200, default 30); a Lambda consumer needs at least its own timeout.",
                range: 0...43_200),
            AttributeSpec("retention", .int, "Seconds a message is kept (60 to 1209600, i.e. 14 days; default 345600).", range: 60...1_209_600),
            AttributeSpec("delay", .int, "Seconds each new message stays invisible (0 to 900).", range: 0...900),
            .deadLetterQueue("Id of the dead-letter queue that receives a message after `max_receive_count` receives (the redrive policy)."),
            AttributeSpec("max_receive_count", .int, "Receives before a message moves to the dead-letter queue (1 to 1000).", range: 1...1000),
            .encrypted("Server-side encryption (SSE-SQS is on for queues created since October 2022; `false` says it is off)."),
            .kmsKey,
        ],
        shape: .rounded,
        example: "orders-queue: { kind: sqs, visibility_timeout: 180, dlq: dlq, max_receive_count: 5 }",
        scope: .regional,
        icon: KindIcon(
            diagrams: "aws/integration/simple-queue-service-sqs-queue.png",
            assetPackage: ["Res_Amazon-Simple-Queue-Service_Queue", "Arch_Amazon-Simple-Queue-Service"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::SQS::Queue"], terraform: ["aws_sqs_queue"]),
        diffTraits: KindDiffTraits(key: ["fifo", "visibility_timeout", "dlq", "max_receive_count"]),
        nameRule: AWSValueRule(
            "an SQS queue name", "1 to 80 letters, digits, hyphens and underscores; a FIFO queue's name ends in `.fifo`",
            pattern: "[A-Za-z0-9_-]+(?:\\.fifo)?", maxLength: 80),
        createdAfter: .s3, connectionMeaning: "delivers to",
        idWords: ["sqs", "queue", "dlq"], isExtension: true)
}
