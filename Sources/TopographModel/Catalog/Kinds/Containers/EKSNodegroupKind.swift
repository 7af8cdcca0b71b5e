extension KindID {
    package static let eksNodegroup = KindID("eks-nodegroup")
}

extension KindSpec {
    /// An EKS managed node group: an Auto Scaling group of EC2 nodes EKS updates.
    static let eksNodegroup = KindSpec(
        .eksNodegroup, .compute, title: "EKS managed node group",
        summary: "EC2 worker nodes EKS launches, joins to the cluster and updates; an Auto Scaling group across the subnets it is given.",
        attributes: [
            AttributeSpec("cluster", .reference([.eksCluster]), "Id of its EKS cluster; defaults to the enclosing eks-cluster."),
            AttributeSpec("instance_types", .list(.string), "Instance types, e.g. [m6i.large].", rule: AWSValueRules.instanceType),
            AttributeSpec("capacity", .oneOf(["ON_DEMAND", "SPOT"]), "Capacity type (AWS default ON_DEMAND)."),
            .minSize, .maxSize, .desiredSize,
            AttributeSpec("ami_type", .string, "AMI type, e.g. AL2023_x86_64_STANDARD or BOTTLEROCKET_ARM_64."),
            AttributeSpec("disk_size", .int, "Root volume GiB.", range: 1...16_384),
            .ingress,
        ],
        parents: [.eksCluster] + KindCatalog.inVPC,
        example: "general: { kind: eks-nodegroup, in: eks, subnets: [private-a, private-b], instance_types: [m6i.large], min: 2, max: 6, desired: 3 }",
        scope: .subnets,
        icon: KindIcon(diagrams: "aws/compute/ec2-instances.png", assetPackage: ["Res_Amazon-EC2_Instances", "Arch_Amazon-EC2"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::EKS::Nodegroup"], terraform: ["aws_eks_node_group"]),
        diffTraits: KindDiffTraits(unordered: ["instance_types"], key: ["instance_types", "capacity", "min", "max", "desired", "subnets"]),
        nameRule: AWSValueRule(
            "an EKS node group name", "1 to 63 letters, digits, hyphens and underscores, starting with a letter or digit",
            pattern: "[A-Za-z0-9][A-Za-z0-9_-]*", maxLength: 63),
        createdAfter: .eksCluster,
        idWords: ["eks", "node", "nodegroup", "group", "nodes"], isExtension: true)
}
