extension KindID {
    package static let kmsKey = KindID("kms-key")
}

extension KindSpec {
    /// AWS KMS customer managed key.
    static let kmsKey = KindSpec(
        .kmsKey, .security, title: "KMS key",
        summary: "A customer managed KMS key that encrypts other resources' data (queues, topics, streams, file systems, secrets).",
        attributes: [
            AttributeSpec("alias", .string, "The key's alias, e.g. alias/orders.", rule: AWSValueRule(
                "a KMS alias", "`alias/` followed by letters, digits and `/_-` (not `alias/aws/`)", pattern: "alias/(?!aws/)[A-Za-z0-9/_-]+", maxLength: 256)),
            AttributeSpec("rotation", .bool, "Automatic yearly key rotation (off unless enabled; symmetric keys only)."),
            AttributeSpec("usage", .oneOf(["ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC"]), "Key usage (AWS default ENCRYPT_DECRYPT)."),
            AttributeSpec("multi_region", .bool, "A multi-Region primary key."),
            AttributeSpec("deletion_window", .int, "Days before a key scheduled for deletion is deleted (7 to 30).", range: 7...30),
        ],
        shape: .shield,
        example: "orders-key: { kind: kms-key, alias: alias/orders, rotation: true }",
        scope: .regional,
        icon: KindIcon(diagrams: "aws/security/key-management-service.png", assetPackage: ["Arch_AWS-Key-Management-Service"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::KMS::Key"], terraform: ["aws_kms_key"]),
        diffTraits: KindDiffTraits(key: ["alias", "rotation", "usage"]),
        nameRule: AWSValueRules.plainName,
        createdAfter: .iamRole,
        idWords: ["kms", "key", "cmk"], isExtension: true)
}
