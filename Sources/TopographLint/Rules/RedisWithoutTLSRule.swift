import TopographModel

struct RedisWithoutTLSRule: LintRule {
    static let description = LintRuleDescription(
        id: "redis-without-tls", name: "Redis without in-transit encryption", category: .security, severity: .warning,
        summary: "A Redis cluster has in-transit encryption turned off",
        rationale: """
            With `tls: false` session ids and everything stored with them cross the VPC in clear \
            text, readable by anything that can capture traffic on the path, and AUTH cannot be \
            turned on later without it. In-transit encryption has to be chosen when the \
            replication group is created (or migrated to with a `preferred` mode), so it is \
            cheapest to get right in the design.
            """,
        fix: "Set `tls: true` (clients connect with `redis-cli --tls`).",
        references: ["https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  sessions: { kind: elasticache-redis, role: session-store, tls: ↓false }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  sessions: { kind: elasticache-redis, role: session-store, tls: true }
                  local: { kind: elasticache-redis, role: cache }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .redis).compactMap { redis in
            // AUTH with TLS off is redis-auth-requires-tls's (error) finding.
            guard redis.bool("tls") == false, redis.bool("auth") != true else { return nil }
            return LintViolation(at: redis.location(of: "tls"), "'\(redis.id)' sends its data unencrypted (`tls: false`)", resource: redis.id)
        }
    }
}
