extension KindID {
    package static let mq = KindID("mq")
}

extension KindSpec {
    /// Amazon MQ (ActiveMQ or RabbitMQ brokers).
    static let mq = KindSpec(
        .mq, .integration, title: "Amazon MQ broker",
        summary: "A managed ActiveMQ or RabbitMQ broker, for applications that speak JMS, AMQP, MQTT or STOMP; single-instance or spread over zones.",
        attributes: [
            AttributeSpec("engine", .oneOf(["activemq", "rabbitmq"]), "Broker engine."),
            AttributeSpec("engine_version", .string, "Engine version, e.g. 5.18 or 3.13.", rule: AWSValueRules.kafkaVersion),
            AttributeSpec(
                "deployment", .oneOf(["single-instance", "active-standby-multi-az", "cluster-multi-az"]),
                "Single instance (one zone), active/standby (ActiveMQ, two zones) or a cluster (RabbitMQ, three zones)."),
            AttributeSpec(
                "broker_type", .string, "Broker instance type, e.g. mq.m5.large.",
                rule: AWSValueRule("a broker type", "`mq.family.size`, e.g. `mq.m5.large`", pattern: "mq\\.[a-z0-9]+\\.[a-z0-9]+", maxLength: 64)),
            AttributeSpec("public", .bool, "Whether the broker is publicly accessible."),
            .kmsKey,
            .ingress,
        ],
        parents: KindCatalog.inVPC, shape: .rounded,
        example: "legacy-broker: { kind: mq, engine: activemq, deployment: active-standby-multi-az, subnets: [private-a, private-b] }",
        scope: .subnets,
        icon: KindIcon(diagrams: "aws/integration/mq.png", assetPackage: ["Arch_Amazon-MQ"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::AmazonMQ::Broker"], terraform: ["aws_mq_broker"]),
        diffTraits: KindDiffTraits(key: ["engine", "deployment", "broker_type", "public", "subnets"]),
        nameRule: AWSValueRule(
            "an Amazon MQ broker name", "1 to 50 letters, digits, hyphens and underscores", pattern: "[A-Za-z0-9_-]+", maxLength: 50),
        createdAfter: .msk, connectionMeaning: "delivers to",
        idWords: ["mq", "broker"], isExtension: true)
}
