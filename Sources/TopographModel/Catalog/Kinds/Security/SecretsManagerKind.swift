extension KindID {
    package static let secretsManager = KindID("secrets-manager")
}

extension KindSpec {
    /// AWS Secrets Manager secret.
    static let secretsManager = KindSpec(
        .secretsManager, .security, title: "Secrets Manager secret",
        summary: "A secret (database credentials, an API key) that applications read at run time, rotated by a Lambda function.",
        attributes: [
            AttributeSpec("rotation_days", .int, "Days between automatic rotations (1 to 1000; no rotation when omitted).", range: 1...1000),
            AttributeSpec("rotation", .reference([.lambda]), "Id of the rotation function."),
            AttributeSpec("for", .reference([.rds, .aurora, .documentdb, .redis, .memorydb]), "Id of the database whose credentials it holds."),
            AttributeSpec("replica_regions", .list(.string), "Regions it is replicated to.", rule: AWSValueRules.region),
            .kmsKey,
        ],
        shape: .shield,
        example: "db-credentials: { kind: secrets-manager, rotation_days: 30, rotation: authorizer }",
        scope: .regional,
        icon: KindIcon(diagrams: "aws/security/secrets-manager.png", assetPackage: ["Arch_AWS-Secrets-Manager"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::SecretsManager::Secret"], terraform: ["aws_secretsmanager_secret"]),
        diffTraits: KindDiffTraits(unordered: ["replica_regions"], key: ["rotation_days", "kms_key"]),
        nameRule: AWSValueRule(
            "a secret name", "1 to 512 letters, digits and `/_+=.@-`", pattern: "[A-Za-z0-9/_+=.@-]+", maxLength: 512),
        createdAfter: .kmsKey,
        idWords: ["secret", "secrets"], isExtension: true)
}
