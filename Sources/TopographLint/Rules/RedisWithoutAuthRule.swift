import TopographModel

struct RedisWithoutAuthRule: LintRule {
    static let description = LintRuleDescription(
        id: "redis-without-auth", name: "Redis without authentication", category: .security, severity: .warning,
        summary: "A Redis cluster accepts clients without AUTH",
        rationale: """
            Without an AUTH token or RBAC user group, anything that can open a connection to \
            the cluster's port can read and rewrite every session (`keys *`, as seed 000 does \
            for debugging). The security group is then the only guard; AWS recommends AUTH or \
            RBAC together with in-transit encryption for data such as sessions.
            """,
        fix: "Set `auth: true` (with `tls: true`) and give the services the token from Secrets Manager.",
        references: ["https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  sessions: { kind: elasticache-redis, role: session-store, tls: true, auth: ↓false }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  sessions: { kind: elasticache-redis, role: session-store, tls: true, auth: true }
                  cache: { kind: elasticache-redis, role: cache }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .redis).compactMap { redis in
            guard redis.bool("auth") == false else { return nil }
            return LintViolation(at: redis.location(of: "auth"), "'\(redis.id)' lets any client in without AUTH", resource: redis.id)
        }
    }
}
