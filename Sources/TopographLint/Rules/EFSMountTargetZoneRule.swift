import TopographModel

struct EFSMountTargetZoneRule: LintRule {
    static let description = LintRuleDescription(
        id: "efs-mount-target-missing-zone", name: "EFS without a mount target in a client's zone", category: .reliability, severity: .error,
        summary: "A client of an EFS file system runs in an availability zone where the file system has no mount target",
        rationale: """
            A client mounts EFS through the mount target in its own zone (the file system's DNS \
            name resolves to it). In a zone without one, the mount fails unless the client \
            resolves another zone's mount target by IP, which crosses zones for every read and \
            write, costs data transfer and dies with that zone. Give the file system a mount \
            target (a subnet in `subnets:`) in every zone its clients run in.
            """,
        fix: "Add a subnet of each client zone to the file system's `subnets:` (one mount target per zone).",
        references: ["https://docs.aws.amazon.com/efs/latest/ug/accessing-fs.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private, az: us-east-1a }
                  private-b: { kind: subnet, in: vpc, access: private, az: us-east-1b }
                  files: { kind: efs, subnets: [private-a] }
                  ↓fleet: { kind: autoscaling-group, subnets: [private-a, private-b] }
                connections:
                  - fleet -> files: NFS
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
                  files: { kind: efs, subnets: [private-a, private-b] }
                  fleet: { kind: autoscaling-group, subnets: [private-a, private-b] }
                  unplaced: { kind: lambda }
                connections:
                  - fleet -> files: NFS
                  - unplaced -> files: NFS
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for fileSystem in topology.resources(ofKind: .efs) {
            let mounted = topology.availabilityZones(of: fileSystem)
            guard !mounted.isEmpty else { continue }
            let clients = (topology.incoming(fileSystem.id).map(\.from) + topology.outgoing(fileSystem.id).map(\.to)).uniqued()
            for client in clients.compactMap({ topology.resource($0) }) {
                let missing = topology.availabilityZones(of: client).subtracting(mounted).sorted()
                guard !missing.isEmpty else { continue }
                violations.append(LintViolation(
                    at: client.location,
                    "'\(client.id)' runs in \(missing.joined(separator: ", ")), where EFS '\(fileSystem.id)' has no mount target",
                    resource: client.id))
            }
        }
        return violations
    }
}
