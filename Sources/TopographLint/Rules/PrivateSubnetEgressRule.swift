import TopographModel

struct PrivateSubnetEgressRule: LintRule {
    static let description = LintRuleDescription(
        id: "private-subnet-egress", name: "No path for image pulls or logs from private subnets", category: .operations, severity: .warning,
        summary: "A service in private subnets has neither a NAT gateway nor the VPC endpoints ECR and CloudWatch Logs need",
        rationale: """
            A Fargate task in a private subnet has no public address, yet it must pull its image \
            from ECR and ship its logs to CloudWatch. Either a NAT gateway (in a public subnet of \
            the same VPC) gives it a way out, or the VPC needs an endpoint for each service on \
            the way: `ecr.api` (registry API) and `ecr.dkr` (Docker registry), a gateway endpoint \
            for `s3` (ECR serves image layers from S3) and `logs`. With one of them missing, tasks \
            fail to start (`CannotPullContainerError`) or run without logs. An image from outside \
            ECR (Docker Hub, GitHub, ECR Public) can only come through a NAT gateway. A short \
            image name (`web:1.4`) counts as ECR when the file draws the pull from an `ecr` \
            repository; an endpoint whose `endpoint_type` does not exist for its service (a \
            `gateway` endpoint for `ecr.dkr`) does not count.
            """,
        fix: "Add a `nat-gateway` in a public subnet of the VPC, or `vpc-endpoint`s for s3 (gateway), ecr.api, ecr.dkr and logs.",
        references: ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  ↓web: { kind: ecs-service, in: private-a }
                  ecr-api: { kind: vpc-endpoint, in: vpc, service: ecr.api }
                """),
            LintExample("""
                # Endpoints cover ECR and logs, but the image comes from Docker Hub, and the only
                # NAT gateway sits in a private subnet, where it has no route out.
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  nat: { kind: nat-gateway, in: private-a }
                  s3: { kind: vpc-endpoint, in: vpc, service: s3, endpoint_type: gateway }
                  ecr-api: { kind: vpc-endpoint, in: vpc, service: ecr.api }
                  ecr-dkr: { kind: vpc-endpoint, in: vpc, service: ecr.dkr }
                  logs: { kind: vpc-endpoint, in: vpc, service: logs }
                  ↓proxy: { kind: ecs-service, in: private-a, containers: [{ name: proxy, image: "nginx:1.27" }] }
                """),
            LintExample("""
                # The image is ECR's (the pull is drawn), but ecr.dkr is declared a gateway
                # endpoint, which AWS does not offer, and ecr.api is missing.
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  images: { kind: ecr }
                  s3: { kind: vpc-endpoint, in: vpc, service: s3, endpoint_type: gateway }
                  ecr-dkr: { kind: vpc-endpoint, in: vpc, service: ecr.dkr, endpoint_type: gateway }
                  logs: { kind: vpc-endpoint, in: vpc, service: logs }
                  ↓web: { kind: ecs-service, in: private-a, containers: [{ name: web, image: "web:1.4" }] }
                connections:
                  - images -> web
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  web: { kind: ecs-service, in: private-a }
                  s3: { kind: vpc-endpoint, in: vpc, service: s3, endpoint_type: gateway }
                  ecr-api: { kind: vpc-endpoint, in: vpc, service: ecr.api }
                  ecr-dkr: { kind: vpc-endpoint, in: vpc, service: ecr.dkr }
                  logs: { kind: vpc-endpoint, in: vpc, service: logs }
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public }
                  private-a: { kind: subnet, in: vpc, access: private }
                  nat: { kind: nat-gateway, in: public-a }
                  web: { kind: ecs-service, in: private-a, containers: [{ name: web, image: "nginx:1.27" }] }
                """),
            LintExample("""
                # A short image name with the ECR pull drawn and every endpoint in place.
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  images: { kind: ecr }
                  cluster: { kind: ecs-cluster, in: vpc }
                  web: { kind: ecs-service, in: cluster, subnets: [private-a], containers: [{ name: web, image: "web:1.4" }] }
                  s3: { kind: vpc-endpoint, in: vpc, service: s3, endpoint_type: gateway }
                  ecr-api: { kind: vpc-endpoint, in: vpc, service: ecr.api }
                  ecr-dkr: { kind: vpc-endpoint, in: vpc, service: ecr.dkr, endpoint_type: interface }
                  logs: { kind: vpc-endpoint, in: vpc, service: logs }
                connections:
                  - images -> cluster
                """),
        ])

    static let ecrEndpoints = ["s3", "ecr.api", "ecr.dkr"]

    static func check(_ topology: StageTopology) -> [LintViolation] {
        let egress = EgressIndex(topology)
        return topology.resources(ofKind: .ecsService).compactMap { service in
            guard topology.isInPrivateSubnets(service), !egress.hasNATGateway(for: service, in: topology) else { return nil }
            let images = service["containers"]?.listValue?.compactMap { $0["image"]?.stringValue } ?? []
            let outsideECR = images.filter { !isFromECR($0, service: service, in: topology, pulls: egress.ecrConnected) }
            let endpoints = egress.endpointServices(for: service, in: topology)
            let missing = (ecrEndpoints + ["logs"]).filter { !endpoints.contains($0) }
            var problems: [String] = []
            if !outsideECR.isEmpty { problems.append("pulls \(outsideECR.joined(separator: ", ")) from outside ECR, which only a NAT gateway in a public subnet reaches") }
            if !missing.isEmpty { problems.append("has no VPC endpoint for \(missing.joined(separator: ", ")) and no NAT gateway") }
            guard !problems.isEmpty else { return nil }
            return LintViolation(
                at: service.location, "'\(service.id)' runs in private subnets and \(problems.joined(separator: "; it also "))", resource: service.id)
        }
    }

    /// Whether an image comes from a private ECR registry. A short name (`web:1.4`) names
    /// no registry: it counts as ECR when the file draws the pull from an `ecr` repository
    /// to the service or its cluster (the task definition then holds the full URI), and as
    /// Docker Hub otherwise.
    static func isFromECR(_ image: String, service: Resource, in topology: StageTopology, pulls: Set<String>) -> Bool {
        if image.contains(".dkr.ecr.") { return true }
        let parts = image.split(separator: "/", maxSplits: 1)
        if parts.count == 2, let host = parts.first, host.contains(".") || host.contains(":") || host == "localhost" { return false }
        return ([service.id] + topology.ancestors(of: service.id).map(\.id)).contains(where: pulls.contains)
    }
}
