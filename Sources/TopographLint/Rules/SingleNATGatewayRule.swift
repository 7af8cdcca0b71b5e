import TopographModel

struct SingleNATGatewayRule: LintRule {
    static let description = LintRuleDescription(
        id: "single-nat-gateway", name: "NAT gateways in fewer zones than the private subnets", category: .reliability, severity: .warning,
        summary: "Private subnets in several zones share NAT gateways that sit in fewer zones",
        rationale: """
            A NAT gateway lives in one availability zone. Private subnets in other zones that \
            route through it lose their way out (image pulls, AWS APIs, the internet) when its \
            zone fails, and pay cross-zone data charges meanwhile. AWS recommends one NAT \
            gateway per zone, each private subnet routing to the one in its own zone. A \
            deliberate single NAT gateway (a sandbox saving cost) says so with a suppression.
            """,
        fix: "Add a NAT gateway in a public subnet of each zone that has private subnets (`nat-b: { kind: nat-gateway, in: public-b }`).",
        references: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html#nat-gateway-basics"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public, az: us-east-1a }
                  private-a: { kind: subnet, in: vpc, access: private, az: us-east-1a }
                  private-b: { kind: subnet, in: vpc, access: private, az: us-east-1b }
                  ↓nat-a: { kind: nat-gateway, in: public-a }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public, az: us-east-1a }
                  public-b: { kind: subnet, in: vpc, access: public, az: us-east-1b }
                  private-a: { kind: subnet, in: vpc, access: private, az: us-east-1a }
                  private-b: { kind: subnet, in: vpc, access: private, az: us-east-1b }
                  nat-a: { kind: nat-gateway, in: public-a }
                  nat-b: { kind: nat-gateway, in: public-b }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        let nats = topology.usableNATGateways()
        guard !nats.isEmpty else { return [] }
        let single = topology.resources(ofKind: .vpc).count <= 1
        var violations: [LintViolation] = []
        // Group by VPC ("" for NAT gateways and subnets in no drawn VPC).
        let vpcs = single ? [""] : topology.resources(ofKind: .vpc).map(\.id)
        for vpc in vpcs {
            let inVPC = { (resource: Resource) in single || topology.vpc(of: resource)?.id == vpc }
            let vpcNATs = nats.filter(inVPC)
            let natZones = vpcNATs.reduce(into: Set<String>()) { $0.formUnion(topology.availabilityZones(of: $1)) }
            guard let first = vpcNATs.first, !natZones.isEmpty else { continue }
            let privateZones = topology.resources(ofKind: .subnet).filter { $0.subnetAccess == "private" && inVPC($0) }
                .compactMap { subnet in subnet.string("az") ?? topology.enclosing(subnet.id, kinds: [.availabilityZone])?.label }
            let uncovered = Set(privateZones).subtracting(natZones)
            guard Set(privateZones).count >= 2, !uncovered.isEmpty else { continue }
            violations.append(LintViolation(
                at: first.location,
                "NAT gateways sit only in \(natZones.sorted().joined(separator: ", ")); private subnets in \(uncovered.sorted().joined(separator: ", ")) lose their way out with that zone",
                resource: first.id))
        }
        return violations
    }
}
