import TopographModel

struct KMSKeyRotationRule: LintRule {
    static let description = LintRuleDescription(
        id: "kms-key-rotation-off", name: "KMS key without automatic rotation", category: .security, severity: .warning,
        summary: "A symmetric customer managed KMS key does not rotate automatically",
        rationale: """
            Customer managed keys do not rotate unless rotation is enabled; AWS managed keys \
            rotate every year. Rotation creates new key material while old ciphertext stays \
            decryptable, limiting how much data one key version protects, and most compliance \
            baselines (Security Hub KMS.4, CIS) require it.
            """,
        fix: "Set `rotation: true` on the key.",
        references: ["https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓orders-key: { kind: kms-key, alias: alias/orders }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  orders-key: { kind: kms-key, alias: alias/orders, rotation: true }
                  signing-key: { kind: kms-key, usage: SIGN_VERIFY }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .kmsKey).compactMap { key in
            guard (key.string("usage") ?? "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT", key.bool("rotation") != true else { return nil }
            return LintViolation(
                at: key.fields["rotation"] == nil ? key.location : key.location(of: "rotation"),
                "KMS key '\(key.id)' does not rotate its key material automatically", resource: key.id)
        }
    }
}
