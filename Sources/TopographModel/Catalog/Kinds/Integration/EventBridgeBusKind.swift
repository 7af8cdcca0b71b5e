extension KindID {
    package static let eventBridgeBus = KindID("eventbridge-bus")
}

extension KindSpec {
    /// An EventBridge event bus; rules sit on it.
    static let eventBridgeBus = KindSpec(
        .eventBridgeBus, .integration, title: "EventBridge event bus",
        summary: "An event bus that receives events (`PutEvents`, AWS services, SaaS partners) and hands them to the rules on it. Name it `default` for the account's default bus.",
        attributes: [
            AttributeSpec("archive_days", .int, "Days an archive keeps the bus's events for replay (0: forever).", range: 0...36_500),
            .deadLetterQueue("Id of the queue that receives events the bus could not deliver."),
            .kmsKey,
        ],
        shape: .rounded,
        example: "orders-bus: { kind: eventbridge-bus, name: orders, archive_days: 7 }",
        scope: .regional,
        icon: KindIcon(
            diagrams: "aws/integration/eventbridge-custom-event-bus-resource.png",
            assetPackage: ["Res_Amazon-EventBridge_Custom-Event-Bus", "Arch_Amazon-EventBridge"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::Events::EventBus"], terraform: ["aws_cloudwatch_event_bus"]),
        diffTraits: KindDiffTraits(key: ["archive_days"]),
        nameRule: AWSValueRule(
            "an event bus name", "1 to 256 letters, digits and `/._-` (a partner bus starts with `aws.partner/`)",
            pattern: "[A-Za-z0-9/._-]+", maxLength: 256),
        createdAfter: .sns, connectionMeaning: "routes to",
        idWords: ["event", "events", "bus", "eventbridge"], isExtension: true)
}
