extension KindID {
    package static let eksCluster = KindID("eks-cluster")
}

extension KindSpec {
    /// Amazon EKS: the control plane's network interfaces sit in the cluster's subnets.
    static let eksCluster = KindSpec(
        .eksCluster, .compute, title: "EKS cluster",
        summary: "A Kubernetes control plane run by AWS; holds managed node groups. Its API endpoint is public, private or both.",
        attributes: [
            AttributeSpec("version", .string, "Kubernetes version, e.g. 1.30.", rule: AWSValueRules.kafkaVersion),
            AttributeSpec("endpoint_public", .bool, "Whether the API server endpoint is reachable from the internet (AWS default true)."),
            AttributeSpec("endpoint_private", .bool, "Whether the API server endpoint is reachable inside the VPC (AWS default false)."),
            AttributeSpec(
                "public_cidrs", .list(.string),
                "CIDR blocks allowed to the public endpoint (AWS default 0.0.0.0/0).", isExtension: true),
            AttributeSpec("secrets_kms_key", .reference([.kmsKey]), "Id of the KMS key that envelope-encrypts Kubernetes secrets.", isExtension: true,
                isDrawn: false),
            AttributeSpec(
                "logging", .list(.oneOf(["api", "audit", "authenticator", "controllerManager", "scheduler"])),
                "Control plane log types sent to CloudWatch Logs (none by default)."),
            AttributeSpec(
                "authentication_mode", .oneOf(["API", "API_AND_CONFIG_MAP", "CONFIG_MAP"]),
                "How IAM principals map to Kubernetes (access entries, the aws-auth ConfigMap, or both)."),
            .ingress,
        ],
        parents: KindCatalog.inVPC, isContainer: true,
        example: "eks: { kind: eks-cluster, in: vpc, subnets: [private-a, private-b], version: \"1.30\", endpoint_public: false, endpoint_private: true }",
        scope: .subnets,
        icon: KindIcon(diagrams: "aws/compute/elastic-kubernetes-service.png", assetPackage: ["Arch_Amazon-Elastic-Kubernetes-Service"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::EKS::Cluster"], terraform: ["aws_eks_cluster"]),
        diffTraits: KindDiffTraits(
            unordered: ["public_cidrs", "logging"], key: ["version", "endpoint_public", "endpoint_private", "public_cidrs", "subnets"]),
        nameRule: AWSValueRule(
            "an EKS cluster name", "1 to 100 letters, digits, hyphens and underscores, starting with a letter or digit",
            pattern: "[A-Za-z0-9][A-Za-z0-9_-]*", maxLength: 100),
        createdAfter: .ecsService,
        idWords: ["eks", "cluster", "control", "plane"], isExtension: true)
}
