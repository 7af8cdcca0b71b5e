extension KindCatalog {
    static let dataKinds: [KindSpec] = [
        KindSpec(
            .redis, .data, title: "ElastiCache for Redis",
            summary: "A Redis cluster: a session store that outlives deployments, or a cache.",
            attributes: [
                AttributeSpec("role", .oneOf(["session-store", "cache"]), "What the Redis holds."),
                AttributeSpec("key_pattern", .string, "Glob of the keys it holds, e.g. `session:*` (used by runbook checks)."),
                AttributeSpec("tls", .bool, "In-transit encryption; redis-cli needs `--tls` when on."),
                AttributeSpec("local_container", .string, "Docker container name of the local Redis, for local checks."),
                AttributeSpec("port", .port, "Port (default 6379).", isExtension: true),
            ],
            parents: inVPC, shape: .cylinder,
            example: "sessions: { kind: elasticache-redis, in: private-a, role: session-store, key_pattern: \"session:*\", tls: true }"),
        KindSpec(
            .rds, .data, title: "RDS database", summary: "A relational database instance.",
            attributes: [
                AttributeSpec("engine", .string, "postgres, mysql, ..."),
                AttributeSpec("public", .bool, "Whether it is publicly accessible (it should not be)."),
                AttributeSpec("instance_class", .string, "The DB instance class, e.g. `db.t4g.micro` (import and drift read it).", isExtension: true),
            ],
            parents: inVPC, shape: .cylinder, example: "db: { kind: rds, in: private-a, engine: postgres, instance_class: db.t4g.micro }"),
        KindSpec(
            .aurora, .data, title: "Aurora cluster", summary: "An Aurora database cluster.",
            attributes: [
                AttributeSpec("engine", .string, "aurora-postgresql, aurora-mysql."),
                AttributeSpec("public", .bool, "Whether it is publicly accessible (it should not be).", isExtension: true),
                AttributeSpec("instance_class", .string, "The class of its provisioned instances, e.g. `db.r6g.large`; `db.serverless` for Serverless v2.", isExtension: true),
            ],
            parents: inVPC, shape: .cylinder, example: "orders-db: { kind: aurora, in: private-a, engine: aurora-postgresql }"),
        KindSpec(
            .dynamodb, .data, title: "DynamoDB table", summary: "A DynamoDB table.",
            shape: .cylinder, example: "carts: { kind: dynamodb }"),
        KindSpec(
            .s3, .data, title: "S3 bucket", summary: "An S3 bucket.",
            shape: .cylinder, example: "assets: { kind: s3, name: example-assets }"),
    ]
}
