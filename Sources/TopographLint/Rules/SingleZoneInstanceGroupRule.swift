import TopographModel

struct SingleZoneInstanceGroupRule: LintRule {
    static let description = LintRuleDescription(
        id: "single-zone-instance-group", name: "Auto Scaling group or node group in one zone", category: .reliability, severity: .warning,
        summary: "An EC2 Auto Scaling group or EKS managed node group launches instances in one availability zone only",
        rationale: """
            An Auto Scaling group balances instances over the zones of its subnets and, when a \
            zone fails, launches replacements in the others. With subnets in one zone there are \
            no others: the whole fleet (or every Kubernetes node) goes down with that zone, and \
            a capacity shortage of one instance type in that zone stops scale-out.
            """,
        fix: "Give the group subnets in at least two zones (`subnets: [private-a, private-b]`).",
        references: ["https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private, az: us-east-1a }
                  fleet: { kind: autoscaling-group, in: ↓private-a, min: 2, max: 4 }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private, az: us-east-1a }
                  private-b: { kind: subnet, in: vpc, access: private, az: us-east-1b }
                  eks: { kind: eks-cluster, in: vpc, endpoint_public: false, endpoint_private: true }
                  nodes: { kind: eks-nodegroup, in: eks, subnets: [private-a, private-b] }
                  unplaced: { kind: autoscaling-group }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKinds: [.autoscalingGroup, .eksNodegroup]).compactMap { group in
            let zones = topology.availabilityZones(of: group)
            guard zones.count == 1, let zone = zones.first else { return nil }
            let field = ["zones", "subnets", "in"].first { group.fields[$0] != nil } ?? "kind"
            return LintViolation(at: group.location(of: field), "\(group.kind) '\(group.id)' launches instances only in \(zone)", resource: group.id)
        }
    }
}
