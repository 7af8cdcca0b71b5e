extension KindID {
    package static let documentdb = KindID("documentdb")
}

extension KindSpec {
    /// Amazon DocumentDB (with MongoDB compatibility) cluster.
    static let documentdb = KindSpec(
        .documentdb, .data, title: "DocumentDB cluster",
        summary: "A MongoDB-compatible document database cluster: a primary and up to 15 replicas across the zones of its subnets.",
        attributes: [
            AttributeSpec("instances", .int, "Instances in the cluster (1 primary + replicas; 1 to 16).", range: 1...16),
            AttributeSpec("instance_class", .string, "e.g. db.r6g.large.", rule: AWSValueRules.databaseInstanceClass),
            AttributeSpec("engine_version", .string, "e.g. 5.0.0.", rule: AWSValueRules.kafkaVersion),
            .encrypted("Encryption at rest (set when the cluster is created)."),
            AttributeSpec("tls", .bool, "Whether clients must use TLS (the default parameter group requires it)."),
            AttributeSpec("backup_retention", .int, "Days automated backups are kept (1 to 35).", range: 1...35),
            .kmsKey,
            .ingress,
        ],
        parents: KindCatalog.inVPC, shape: .cylinder,
        example: "catalog-db: { kind: documentdb, subnets: [private-a, private-b], instances: 2, instance_class: db.r6g.large, encrypted: true, tls: true }",
        scope: .subnets,
        icon: KindIcon(diagrams: "aws/database/documentdb-mongodb-compatibility.png", assetPackage: ["Arch_Amazon-DocumentDB"]),
        iacTypes: KindIaCTypes(
            cloudFormation: ["AWS::DocDB::DBCluster", "AWS::DocDBElastic::Cluster"], terraform: ["aws_docdb_cluster", "aws_docdb_elastic_cluster"]),
        diffTraits: KindDiffTraits(key: ["instances", "instance_class", "encrypted", "tls", "subnets"]),
        nameRule: AWSValueRules.dbIdentifier,
        createdAfter: .efs,
        idWords: ["docdb", "documentdb", "db", "cluster"], isExtension: true)
}
