import TopographModel

struct UnencryptedDataStoreRule: LintRule {
    static let description = LintRuleDescription(
        id: "unencrypted-data-store", name: "Data store without encryption at rest", category: .security, severity: .warning,
        summary: "A database, cache or bucket has encryption at rest turned off",
        rationale: """
            Encryption at rest with KMS keeps snapshots, backups and disks unreadable outside \
            the account and is required by most compliance regimes; on RDS, Aurora and \
            ElastiCache it can only be chosen at creation, so turning it on later means a \
            migration. S3 encrypts every new object with SSE-S3 since January 2023, so \
            `encrypted: false` on a bucket describes something AWS no longer does.
            """,
        fix: "Set `encrypted: true` (a KMS key for RDS/Aurora storage, at-rest encryption for ElastiCache, SSE-KMS or the SSE-S3 default for S3).",
        references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  db: { kind: rds, encrypted: ↓false }
                  sessions: { kind: elasticache-redis, encrypted: ↓false }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  db: { kind: rds, encrypted: true }
                  uploads: { kind: s3, encrypted: true }
                  orders: { kind: aurora }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKinds: [.rds, .aurora, .redis, .s3]).compactMap { store in
            guard store.bool("encrypted") == false else { return nil }
            return LintViolation(at: store.location(of: "encrypted"), "\(store.kind) '\(store.id)' is not encrypted at rest", resource: store.id)
        }
    }
}
