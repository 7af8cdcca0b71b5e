import TopographModel

struct PeeredVPCCIDROverlapRule: LintRule {
    static let description = LintRuleDescription(
        id: "peered-vpc-cidr-overlap", name: "Connected VPCs with overlapping CIDRs", category: .networking, severity: .error,
        summary: "Two VPCs connected by peering (or any drawn connection) have overlapping CIDR blocks",
        rationale: """
            AWS refuses a VPC peering connection between VPCs whose CIDR blocks overlap, and a \
            transit gateway cannot route between them either: an address would mean two \
            places. A connection drawn between two VPCs is read as such a link.
            """,
        fix: "Give one of the VPCs a CIDR block that does not overlap the other's.",
        references: ["https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  app: { kind: vpc, cidr: 10.0.0.0/16 }
                  shared: { kind: vpc, cidr: 10.0.128.0/20 }
                connections:
                  - ↓{ from: app, to: shared, via: peering }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  app: { kind: vpc, cidr: 10.0.0.0/16 }
                  shared: { kind: vpc, cidr: 10.1.0.0/16 }
                connections:
                  - { from: app, to: shared, via: peering }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.connections.compactMap { connection in
            guard let from = topology.resource(connection.from), from.kind == .vpc,
                  let to = topology.resource(connection.to), to.kind == .vpc,
                  let a = from.string("cidr"), let b = to.string("cidr"),
                  let first = IPv4Block(a), let second = IPv4Block(b), first.overlaps(second) else { return nil }
            return LintViolation(
                at: connection.location, "VPCs '\(from.id)' (\(a)) and '\(to.id)' (\(b)) overlap: AWS cannot peer or route between them",
                resource: from.id)
        }
    }
}
