import TopographModel

struct UnencryptedMessagingRule: LintRule {
    static let description = LintRuleDescription(
        id: "unencrypted-messaging", name: "Queue, topic or stream without encryption at rest", category: .security, severity: .warning,
        summary: "An SQS queue has encryption turned off, or an SNS topic or Kinesis stream has none",
        rationale: """
            Messages often carry the same personal data as the database behind them. SQS \
            encrypts new queues with SSE-SQS by default since 2022, so `encrypted: false` \
            describes a queue someone turned it off on; SNS topics and Kinesis data streams \
            are not encrypted at rest unless a KMS key is set (Security Hub controls SNS.1 \
            and Kinesis.1). A customer managed key also lets a key policy decide who may read.
            """,
        fix: "Set `encrypted: true` (and `kms_key: <kms-key id>` for a key of your own) on the queue, topic or stream.",
        references: [
            "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
            "https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html",
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
        ],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓events: { kind: sns }
                  ↓clicks: { kind: kinesis-stream }
                  jobs: { kind: sqs, encrypted: ↓false }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  key: { kind: kms-key }
                  events: { kind: sns, kms_key: key }
                  clicks: { kind: kinesis-stream, encrypted: true }
                  jobs: { kind: sqs }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for resource in topology.resources(ofKinds: [.sqs, .sns, .kinesisStream]) {
            if resource.kind == .sqs {
                guard resource.bool("encrypted") == false else { continue }
                violations.append(LintViolation(
                    at: resource.location(of: "encrypted"), "queue '\(resource.id)' has server-side encryption turned off", resource: resource.id))
            } else if !resource.declaresEncryption {
                violations.append(LintViolation(
                    at: resource.bool("encrypted") == false ? resource.location(of: "encrypted") : resource.location,
                    "\(resource.kind) '\(resource.id)' is not encrypted at rest (no `encrypted: true` or `kms_key`)", resource: resource.id))
            }
        }
        return violations
    }
}
