import TopographModel

struct MSKPlaintextClientsRule: LintRule {
    static let description = LintRuleDescription(
        id: "msk-plaintext-clients", name: "MSK accepting plaintext or unauthenticated clients", category: .security, severity: .warning,
        summary: "An MSK cluster accepts plaintext client traffic or unauthenticated clients",
        rationale: """
            With `TLS_PLAINTEXT` or `PLAINTEXT` client encryption, producers and consumers may \
            send records unencrypted across the VPC; with unauthenticated access any host that \
            reaches the brokers' port may read and write every topic. MSK supports TLS with IAM, \
            SASL/SCRAM or mutual TLS authentication; IAM also gives per-topic permissions.
            """,
        fix: "Set `client_tls: TLS` and `auth: [iam]` (or scram / tls).",
        references: [
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
            "https://docs.aws.amazon.com/msk/latest/developerguide/kafka_apis_iam.html",
        ],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  kafka: { kind: msk, client_tls: ↓TLS_PLAINTEXT, auth: [iam] }
                  open: { kind: msk, auth: [↓unauthenticated] }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  kafka: { kind: msk, client_tls: TLS, auth: [iam] }
                  defaults: { kind: msk }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for cluster in topology.resources(ofKind: .msk) {
            if let mode = cluster.string("client_tls"), mode != "TLS" {
                violations.append(LintViolation(
                    at: cluster.location(of: "client_tls"), "MSK cluster '\(cluster.id)' accepts plaintext clients (\(mode))", resource: cluster.id))
            }
            if let index = cluster.strings("auth").firstIndex(of: "unauthenticated") {
                violations.append(LintViolation(
                    at: cluster.location(of: "auth", element: index), "MSK cluster '\(cluster.id)' lets clients in without authentication",
                    resource: cluster.id))
            }
        }
        return violations
    }
}
