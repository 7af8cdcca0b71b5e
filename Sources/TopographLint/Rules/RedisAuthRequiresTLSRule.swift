import TopographModel

struct RedisAuthRequiresTLSRule: LintRule {
    static let description = LintRuleDescription(
        id: "redis-auth-requires-tls", name: "Redis AUTH without in-transit encryption", category: .security, severity: .error,
        summary: "A Redis cluster asks for AUTH with TLS turned off",
        rationale: """
            ElastiCache accepts an AUTH token (or RBAC user groups) only on a replication group \
            with in-transit encryption enabled: a token sent in clear text would protect \
            nothing, so `create-replication-group --auth-token` without \
            `--transit-encryption-enabled` is refused.
            """,
        fix: "Set `tls: true` on the cluster (clients then connect with `redis-cli --tls`).",
        references: ["https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  sessions: { kind: elasticache-redis, tls: false, auth: ↓true }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  sessions: { kind: elasticache-redis, tls: true, auth: true }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .redis).compactMap { redis in
            guard redis.bool("auth") == true, redis.bool("tls") == false else { return nil }
            return LintViolation(
                at: redis.location(of: "auth"), "'\(redis.id)' asks for AUTH with `tls: false`: ElastiCache refuses an AUTH token without in-transit encryption",
                resource: redis.id)
        }
    }
}
