import TopographModel

struct SubnetCIDROutsideVPCRule: LintRule {
    static let description = LintRuleDescription(
        id: "subnet-cidr-outside-vpc", name: "Subnet CIDR outside its VPC or overlapping a sibling", category: .networking, severity: .error,
        summary: "A subnet's CIDR block is not inside its VPC's, or overlaps another subnet of the VPC",
        rationale: """
            A subnet's block must be a part of its VPC's block, and the subnets of a VPC must \
            not overlap: `CreateSubnet` fails with `InvalidSubnet.Range` or \
            `InvalidSubnet.Conflict` otherwise. Only blocks written as IPv4 CIDRs are compared; \
            a subnet carved from a secondary VPC block (which `cidr:` cannot list) carries a \
            suppression saying so.
            """,
        fix: "Give the subnet a block inside the VPC's (`10.0.1.0/24` in `10.0.0.0/16`) that no other subnet uses.",
        references: ["https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc, cidr: 10.0.0.0/16 }
                  public-a: { kind: subnet, in: vpc, access: public, cidr: ↓10.1.0.0/24 }
                  private-a: { kind: subnet, in: vpc, access: private, cidr: 10.0.10.0/24 }
                  private-b: { kind: subnet, in: vpc, access: private, cidr: ↓10.0.10.128/25 }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc, cidr: 10.0.0.0/16 }
                  public-a: { kind: subnet, in: vpc, access: public, cidr: 10.0.0.0/24 }
                  private-a: { kind: subnet, in: vpc, access: private, cidr: 10.0.10.0/24 }
                  sketch: { kind: subnet, in: vpc, access: private }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        var earlier: [String: [(id: String, block: IPv4Block)]] = [:]
        for subnet in topology.resources(ofKind: .subnet) {
            guard let text = subnet.string("cidr"), let block = IPv4Block(text) else { continue }
            let vpc = topology.enclosing(subnet.id, kinds: [.vpc])
            if let vpc, let vpcText = vpc.string("cidr"), let vpcBlock = IPv4Block(vpcText), !vpcBlock.contains(block) {
                violations.append(LintViolation(
                    at: subnet.location(of: "cidr"), "subnet '\(subnet.id)' (\(text)) is not inside VPC '\(vpc.id)' (\(vpcText))", resource: subnet.id))
                continue
            }
            let key = vpc?.id ?? ""
            if let clash = earlier[key, default: []].first(where: { $0.block.overlaps(block) }) {
                violations.append(LintViolation(
                    at: subnet.location(of: "cidr"), "subnet '\(subnet.id)' (\(text)) overlaps subnet '\(clash.id)'", resource: subnet.id))
            }
            earlier[key, default: []].append((subnet.id, block))
        }
        return violations
    }
}
