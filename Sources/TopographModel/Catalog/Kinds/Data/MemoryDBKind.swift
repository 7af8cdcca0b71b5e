extension KindID {
    package static let memorydb = KindID("memorydb")
}

extension KindSpec {
    /// Amazon MemoryDB (durable Redis/Valkey).
    static let memorydb = KindSpec(
        .memorydb, .data, title: "MemoryDB cluster",
        summary: "A durable in-memory database (Redis OSS or Valkey compatible) with a multi-zone transaction log: shards with replicas across the zones of its subnets.",
        attributes: [
            AttributeSpec("engine", .oneOf(["redis", "valkey"]), "Engine."),
            AttributeSpec("node_type", .string, "e.g. db.r7g.large.", rule: AWSValueRules.databaseInstanceClass),
            AttributeSpec("shards", .int, "Shard count (1 to 500).", range: 1...500),
            AttributeSpec("replicas", .int, "Replicas per shard (0 to 5); 0 leaves each shard in one zone.", range: 0...5),
            AttributeSpec("tls", .bool, "In-transit encryption (MemoryDB's default is on)."),
            AttributeSpec("acl", .string, "The access control list; `open-access` lets any client in without a password."),
            .encrypted("Encryption at rest."),
            .kmsKey,
            .ingress,
        ],
        parents: KindCatalog.inVPC, shape: .cylinder,
        example: "carts-db: { kind: memorydb, subnets: [private-a, private-b], node_type: db.r7g.large, shards: 1, replicas: 1, tls: true, acl: carts-acl }",
        scope: .subnets,
        icon: KindIcon(
            diagrams: "aws/database/elasticache-for-redis.png", assetPackage: ["Arch_Amazon-MemoryDB", "Arch_Amazon-MemoryDB-for-Redis"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::MemoryDB::Cluster"], terraform: ["aws_memorydb_cluster"]),
        diffTraits: KindDiffTraits(key: ["node_type", "shards", "replicas", "tls", "acl", "subnets"]),
        nameRule: AWSValueRules.cacheIdentifier,
        createdAfter: .documentdb,
        idWords: ["memorydb", "memory", "db", "cluster"], isExtension: true)
}
