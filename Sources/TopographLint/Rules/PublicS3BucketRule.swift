import TopographModel

struct PublicS3BucketRule: LintRule {
    static let description = LintRuleDescription(
        id: "public-s3-bucket", name: "Public S3 bucket", category: .security, severity: .warning,
        summary: "An S3 bucket has Block Public Access off and public objects",
        rationale: """
            S3 blocks public access by default; a bucket that turns it off and grants public \
            reads serves every object to anyone who guesses its name, and uploads such as seed \
            003's documents are exactly what should not leak. Serve public assets through \
            CloudFront with origin access control, and keep the bucket private.
            """,
        fix: "Remove `public_access: true` (keep Block Public Access on) and put CloudFront with origin access control in front.",
        references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  uploads: { kind: s3, public_access: ↓true }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  uploads: { kind: s3, public_access: false, encrypted: true }
                  assets: { kind: s3 }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .s3).compactMap { bucket in
            guard bucket.bool("public_access") == true else { return nil }
            return LintViolation(at: bucket.location(of: "public_access"), "S3 bucket '\(bucket.id)' is public", resource: bucket.id)
        }
    }
}
