import TopographModel

struct SingleAZDataStoreRule: LintRule {
    static let description = LintRuleDescription(
        id: "single-az-data-store", name: "Database or session store without Multi-AZ", category: .reliability, severity: .warning,
        summary: "A database or Redis cluster is explicitly single-AZ",
        rationale: """
            Without Multi-AZ, an RDS instance or an ElastiCache primary is one node in one zone: \
            a zone outage or a failed host means downtime until it is rebuilt, and for a Redis \
            session store every user is logged out (the sessions are what seed 000 keeps there \
            to survive deployments). Multi-AZ keeps a standby or replica in another zone and \
            fails over automatically.
            """,
        fix: "Set `multi_az: true` (RDS Multi-AZ, an Aurora replica in another zone, or Redis replicas with automatic failover).",
        references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html", "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  db: { kind: rds, multi_az: ↓false }
                  sessions: { kind: elasticache-redis, role: session-store, multi_az: ↓false }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  db: { kind: rds, multi_az: true }
                  sessions: { kind: elasticache-redis, role: session-store, multi_az: true }
                  reports: { kind: aurora }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKinds: [.rds, .aurora, .redis]).compactMap { store in
            guard store.bool("multi_az") == false else { return nil }
            return LintViolation(at: store.location(of: "multi_az"), "\(store.kind) '\(store.id)' runs in one zone without a standby", resource: store.id)
        }
    }
}
