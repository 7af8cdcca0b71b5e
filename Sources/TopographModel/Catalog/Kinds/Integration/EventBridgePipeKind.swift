extension KindID {
    package static let eventBridgePipe = KindID("eventbridge-pipe")
}

extension KindSpec {
    /// An EventBridge pipe: one source, optional filter and enrichment, one target.
    static let eventBridgePipe = KindSpec(
        .eventBridgePipe, .integration, title: "EventBridge pipe",
        summary: "A point-to-point integration: reads a source (a queue, a stream, DynamoDB Streams, Kafka, MQ), filters and enriches, and delivers to one target.",
        attributes: [
            AttributeSpec(
                "source", .reference([.sqs, .kinesisStream, .dynamodb, .msk, .mq]),
                "Id of what it reads (an SQS queue, a Kinesis stream, a DynamoDB table's stream, MSK, Amazon MQ)."),
            AttributeSpec("target", .reference([]), "Id of what it delivers to (a connection from the pipe says the same)."),
            AttributeSpec("enrichment", .reference([.lambda, .stepFunctions, .restAPI]), "Id of the function, state machine or API that enriches each batch."),
            AttributeSpec("filter", .string, "The filter pattern, in short: `body: { status: [PAID] }`."),
            AttributeSpec("batch_size", .int, "Records per batch (1 to 10000).", range: 1...10_000),
            .deadLetterQueue("Id of the queue that receives records it could not deliver (stream sources)."),
        ],
        shape: .rounded,
        example: "paid-orders: { kind: eventbridge-pipe, source: dlq, target: authorizer, filter: \"body: { status: [PAID] }\" }",
        scope: .regional,
        icon: KindIcon(diagrams: "aws/integration/eventbridge-pipes.png", assetPackage: ["Res_Amazon-EventBridge_Pipes", "Arch_Amazon-EventBridge"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::Pipes::Pipe"], terraform: ["aws_pipes_pipe"]),
        diffTraits: KindDiffTraits(key: ["source", "target", "enrichment", "filter"]),
        nameRule: AWSValueRules.eventsName,
        createdAfter: .scheduler, connectionMeaning: "pipes to",
        idWords: ["pipe", "pipes", "eventbridge"], isExtension: true)
}
