extension KindID {
    package static let efs = KindID("efs")
}

extension KindSpec {
    /// Amazon EFS: one mount target per zone, in the subnets it is given.
    static let efs = KindSpec(
        .efs, .storage, title: "EFS file system",
        summary: "A shared NFS file system; clients in a zone mount it through that zone's mount target, so `subnets:` lists one subnet per zone with clients.",
        attributes: [
            .encrypted("Encryption at rest (set when the file system is created; cannot be turned on later)."),
            .kmsKey,
            AttributeSpec("performance_mode", .oneOf(["generalPurpose", "maxIO"]), "Performance mode (AWS default generalPurpose)."),
            AttributeSpec("throughput_mode", .oneOf(["bursting", "provisioned", "elastic"]), "Throughput mode (AWS default elastic)."),
            AttributeSpec("one_zone", .bool, "EFS One Zone storage: data in a single zone, one mount target."),
            AttributeSpec("backup", .bool, "Automatic backups with AWS Backup."),
            .ingress,
        ],
        parents: KindCatalog.inVPC, shape: .cylinder,
        example: "shared-files: { kind: efs, subnets: [private-a, private-b], encrypted: true, throughput_mode: elastic }",
        scope: .subnets,
        icon: KindIcon(diagrams: "aws/storage/elastic-file-system-efs.png", assetPackage: ["Arch_Amazon-EFS", "Arch_Amazon-Elastic-File-System"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::EFS::FileSystem"], terraform: ["aws_efs_file_system"]),
        diffTraits: KindDiffTraits(key: ["encrypted", "performance_mode", "throughput_mode", "subnets"]),
        nameRule: AWSValueRules.plainName,
        createdAfter: .aurora,
        idWords: ["efs", "file", "system", "filesystem", "fs"], isExtension: true)
}
