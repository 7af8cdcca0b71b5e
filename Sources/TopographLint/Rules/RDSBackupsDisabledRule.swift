import TopographModel

struct RDSBackupsDisabledRule: LintRule {
    static let description = LintRuleDescription(
        id: "rds-backups-disabled", name: "Database without automated backups", category: .reliability, severity: .warning,
        summary: "An RDS database keeps no automated backups",
        rationale: """
            With a backup retention of 0 days RDS takes no automated backups and keeps no \
            transaction logs, so there is no point-in-time restore after a bad migration or a \
            deleted table, and read replicas cannot be created. Aurora always keeps at least \
            one day, and refuses 0.
            """,
        fix: "Set `backup_retention` to 7 days or more.",
        references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  db: { kind: rds, engine: postgres, backup_retention: ↓0 }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  db: { kind: rds, engine: postgres, backup_retention: 7 }
                  orders: { kind: aurora }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKinds: [.rds, .aurora]).compactMap { database in
            guard let days = database.int("backup_retention"), days <= 0 else { return nil }
            return LintViolation(
                at: database.location(of: "backup_retention"), "\(database.kind) '\(database.id)' keeps no automated backups", resource: database.id)
        }
    }
}
