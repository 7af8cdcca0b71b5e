extension KindCatalog {
    static let containerSpec = AttributeType.object([
        AttributeSpec("name", .string, "Container name in the task definition.", required: true),
        AttributeSpec("image", .string, "Image, e.g. an ECR repository URI and tag."),
        AttributeSpec("port", .port, "The container port."),
    ])

    static let computeKinds: [KindSpec] = [
        KindSpec(
            .ecsCluster, .compute, title: "ECS cluster", summary: "An ECS cluster; holds ECS services.",
            parents: inVPC, isContainer: true, shape: .box,
            example: "cluster: { kind: ecs-cluster, in: vpc, name: session-store }"),
        KindSpec(
            .ecsService, .compute, title: "ECS service", summary: "A long-running ECS service (Fargate or EC2 launch type).",
            attributes: [
                AttributeSpec("cluster", .reference([.ecsCluster]), "Id of its ECS cluster; defaults to the enclosing ecs-cluster."),
                AttributeSpec("launch", .oneOf(["fargate", "ec2"]), "Launch type."),
                AttributeSpec("containers", .list(containerSpec), "Containers of the task definition: `{name, image, port}`."),
                AttributeSpec("desired", .int, "Desired task count."),
                AttributeSpec("min", .int, "Minimum task count (service autoscaling)."),
                AttributeSpec("max", .int, "Maximum task count (service autoscaling)."),
                AttributeSpec(
                    "service_connect", .oneOf(["client-server", "client-only", "none"]),
                    "ECS Service Connect mode; client-server publishes a port others (and API Gateway) can reach."),
                AttributeSpec("discovery", .reference([.cloudMap]), "Id of the Cloud Map namespace the service registers in."),
                AttributeSpec("health_check", .string, "Health-check path, e.g. /health."),
                AttributeSpec("exec", .bool, "Whether ECS Exec (execute-command) is enabled."),
            ],
            parents: [.ecsCluster] + inVPC, shape: .box,
            example: "web: { kind: ecs-service, in: cluster, launch: fargate, containers: [{ name: web, image: web:1.4, port: 8080 }], desired: 2 }"),
        KindSpec(
            .lambda, .compute, title: "Lambda function", summary: "A Lambda function (an authorizer, a handler).",
            attributes: [
                AttributeSpec("runtime", .string, "The runtime, e.g. python3.12.", isExtension: true),
                AttributeSpec(
                    "timeout", .int, "Seconds an invocation may run (1 to 900; AWS default 3).", isExtension: true, range: 1...900),
                AttributeSpec(
                    "on_failure", .reference([.sqs, .sns, .eventBridgeBus, .lambda]),
                    "Where failed asynchronous invocations go (an on-failure destination or dead-letter queue).", isExtension: true),
            ],
            parents: inVPC, shape: .box, example: "authorizer: { kind: lambda, runtime: python3.12 }"),
        KindSpec(
            .ec2, .compute, title: "EC2 instance", summary: "An EC2 instance or a group of them.",
            attributes: [AttributeSpec("instance_type", .string, "e.g. t3.small.", isExtension: true)],
            parents: inVPC, shape: .box, example: "bastion: { kind: ec2, in: public-a, instance_type: t3.micro }"),
        KindSpec(
            .autoscaling, .compute, title: "Auto Scaling policy",
            summary: "Scaling of an ECS service or EC2 group on a metric, with scale-out and scale-in thresholds.",
            attributes: [
                AttributeSpec("target", .reference([.ecsService, .ec2]), "Id of what is scaled."),
                AttributeSpec("metric", .string, "The metric, e.g. CPUUtilization."),
                AttributeSpec("scale_out", .int, "Threshold above which a task is added (e.g. 70 for 70 %)."),
                AttributeSpec("scale_in", .int, "Threshold below which a task is removed (e.g. 50)."),
                AttributeSpec("min", .int, "Minimum capacity.", isExtension: true),
                AttributeSpec("max", .int, "Maximum capacity.", isExtension: true),
                AttributeSpec("desired", .int, "Desired capacity.", isExtension: true),
            ],
            parents: nil, shape: .box,
            example: "web-scaling: { kind: autoscaling, target: web, metric: CPUUtilization, scale_out: 70, scale_in: 50, min: 2, max: 4 }"),
    ]
}
