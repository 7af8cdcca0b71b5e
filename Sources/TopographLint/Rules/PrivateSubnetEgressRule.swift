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
            ECR (Docker Hub, GitHub) can only come through a NAT gateway.
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
        ])

    static let ecrEndpoints = ["s3", "ecr.api", "ecr.dkr"]

    static func check(_ topology: StageTopology) -> [LintViolation] {
        // Usable NAT gateways and endpoint services per VPC id ("" when the VPC is not drawn).
        var natVPCs: [String: Bool] = [:]
        var endpointsByVPC: [String: Set<String>] = [:]
        for nat in topology.resources(ofKind: "nat-gateway") where !topology.placementSubnets(of: nat).contains(where: { $0.subnetAccess == "private" }) {
            natVPCs[topology.vpc(of: nat)?.id ?? ""] = true
        }
        for endpoint in topology.resources(ofKind: "vpc-endpoint") {
            if let service = endpoint.string("service") { endpointsByVPC[topology.vpc(of: endpoint)?.id ?? "", default: []].insert(service) }
        }
        let singleVPC = topology.resources(ofKind: "vpc").count <= 1
        /// What is usable from `vpc`: its own, plus what sits in no drawn VPC when there is only one.
        func reaches<T>(_ vpc: String, in table: [String: T]) -> [T] {
            singleVPC ? Array(table.values) : [table[vpc], table[""]].compactMap { $0 }
        }
        return topology.resources(ofKind: "ecs-service").compactMap { service in
            let subnets = topology.placementSubnets(of: service)
            guard !subnets.isEmpty, subnets.allSatisfy({ $0.subnetAccess == "private" }) else { return nil }
            let vpc = topology.vpc(of: service)?.id ?? ""
            if !reaches(vpc, in: natVPCs).isEmpty { return nil }
            let images = service["containers"]?.listValue?.compactMap { $0["image"]?.stringValue } ?? []
            let outsideECR = images.filter { !$0.contains(".dkr.ecr.") }
            if !outsideECR.isEmpty {
                return LintViolation(
                    at: service.location,
                    "'\(service.id)' runs in private subnets and pulls \(outsideECR.joined(separator: ", ")) from outside ECR, but its VPC has no NAT gateway in a public subnet",
                    resource: service.id)
            }
            let endpoints = reaches(vpc, in: endpointsByVPC).reduce(into: Set<String>()) { $0.formUnion($1) }
            let missing = (ecrEndpoints + ["logs"]).filter { !endpoints.contains($0) }
            guard !missing.isEmpty else { return nil }
            return LintViolation(
                at: service.location,
                "'\(service.id)' runs in private subnets with no NAT gateway and no VPC endpoint for \(missing.joined(separator: ", "))",
                resource: service.id)
        }
    }
}
