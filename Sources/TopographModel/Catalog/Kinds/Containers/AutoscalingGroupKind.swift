extension KindID {
    package static let autoscalingGroup = KindID("autoscaling-group")
}

extension KindSpec {
    /// An EC2 Auto Scaling group (the `autoscaling` kind is Application Auto Scaling of a
    /// service; this is the group of instances itself).
    static let autoscalingGroup = KindSpec(
        .autoscalingGroup, .compute, title: "EC2 Auto Scaling group",
        summary: "A group of EC2 instances launched from a launch template across subnets, kept between min and max, replaced when unhealthy; load balancers register its instances.",
        attributes: [
            AttributeSpec("instance_type", .string, "The launch template's instance type, e.g. t3.small."),
            AttributeSpec("launch_template", .string, "Name of the launch template (or launch configuration)."),
            .minSize, .maxSize, .desiredSize,
            AttributeSpec("health_check_type", .oneOf(["EC2", "ELB"]), "EC2 status checks only (AWS default) or the load balancer's health check too."),
            AttributeSpec("health_check_grace", .int, "Seconds after launch before health checks count (default 300).", range: 0...7200),
            AttributeSpec("load_balancers", .list(.reference([.elbClassic, .alb, .nlb])), "Load balancers whose targets it registers (a connection to it says the same)."),
            .ingress,
        ],
        parents: KindCatalog.inVPC,
        example: "web-fleet: { kind: autoscaling-group, subnets: [private-a, private-b], instance_type: t3.small, min: 2, max: 6, health_check_type: ELB }",
        scope: .subnets,
        icon: KindIcon(diagrams: "aws/compute/ec2-auto-scaling.png", assetPackage: ["Arch_Amazon-EC2-Auto-Scaling", "Res_Amazon-EC2_Auto-Scaling"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::AutoScaling::AutoScalingGroup"], terraform: ["aws_autoscaling_group"]),
        diffTraits: KindDiffTraits(unordered: ["load_balancers"], key: ["instance_type", "min", "max", "desired", "health_check_type", "subnets"]),
        nameRule: AWSValueRule(
            "an Auto Scaling group name", "1 to 255 characters without control characters", pattern: "[A-Za-z0-9 _.:/=+@-]+", maxLength: 255),
        createdAfter: .ec2, idWords: ["asg", "autoscaling", "auto", "scaling", "group", "fleet"], isExtension: true)
}
