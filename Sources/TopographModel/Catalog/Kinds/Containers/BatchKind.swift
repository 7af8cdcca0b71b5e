extension KindID {
    package static let batch = KindID("batch")
}

extension KindSpec {
    /// AWS Batch: a compute environment and the job queue in front of it.
    static let batch = KindSpec(
        .batch, .compute, title: "AWS Batch compute environment",
        summary: "Runs queued batch jobs on EC2, Spot or Fargate capacity it scales between min and max vCPUs in the subnets it is given.",
        attributes: [
            AttributeSpec("compute", .oneOf(["EC2", "SPOT", "FARGATE", "FARGATE_SPOT"]), "Capacity the jobs run on."),
            AttributeSpec("min_vcpus", .int, "vCPUs kept running (EC2/Spot; 0 scales to nothing).", range: 0...100_000),
            AttributeSpec("max_vcpus", .int, "Upper bound of vCPUs.", range: 0...100_000),
            AttributeSpec("instance_types", .list(.string), "Instance types or families, e.g. [optimal] or [c6i.large].", rule: AWSValueRule(
                "an instance type", "`optimal`, a family (`c6i`) or `family.size`", pattern: "optimal|default_x86_64|default_arm64|[a-z0-9-]+(?:\\.[a-z0-9]+)?", maxLength: 64)),
            AttributeSpec("job_queue", .string, "Name of the job queue that feeds it.", rule: AWSValueRules.ecsName),
            .ingress,
        ],
        parents: KindCatalog.inVPC,
        example: "renders: { kind: batch, subnets: [private-a, private-b], compute: SPOT, max_vcpus: 256, job_queue: renders }",
        scope: .subnets,
        icon: KindIcon(diagrams: "aws/compute/batch.png", assetPackage: ["Arch_AWS-Batch"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::Batch::ComputeEnvironment"], terraform: ["aws_batch_compute_environment"]),
        diffTraits: KindDiffTraits(unordered: ["instance_types"], key: ["compute", "max_vcpus", "subnets"]),
        nameRule: AWSValueRule(
            "a Batch compute environment name", "1 to 128 letters, digits, hyphens and underscores", pattern: "[A-Za-z0-9_-]+", maxLength: 128),
        createdAfter: .autoscalingGroup,
        idWords: ["batch", "compute", "environment", "env"], isExtension: true)
}
