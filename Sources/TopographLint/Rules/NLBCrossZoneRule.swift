import TopographModel

struct NLBCrossZoneRule: LintRule {
    static let description = LintRuleDescription(
        id: "nlb-cross-zone", name: "NLB across zones without cross-zone load balancing", category: .reliability, severity: .warning,
        summary: "An NLB spans several availability zones without cross-zone load balancing or a target in every zone",
        rationale: """
            Cross-zone load balancing is off by default on a Network Load Balancer, and then each \
            NLB node only forwards to targets in its own zone. An NLB in two zones whose targets \
            all sit in one of them fails the requests that land on the other node, which is how \
            a REST API's VPC link ends up failing intermittently. Either turn cross-zone load \
            balancing on or register a target in every zone the NLB spans. The rule compares the \
            NLB's zones with those of the resources it forwards to, and, unless `cross_zone: false` is written, stays \
            silent when a target's zones are not written.
            """,
        fix: "Set `cross_zone: true`, or register targets in every zone the NLB spans.",
        references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#cross-zone-load-balancing"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  ↓nlb: { kind: nlb, scheme: internal, zones: [us-east-1a, us-east-1b] }
                  web: { kind: ecs-service, zones: [us-east-1a] }
                connections:
                  - nlb -> web
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  nlb: { kind: nlb, zones: [us-east-1a, us-east-1b], cross_zone: ↓false }
                  web: { kind: ecs-service, zones: [us-east-1b] }
                connections:
                  - nlb -> web
                """),
            LintExample("""
                # Cross-zone written off, and nothing says where the targets run.
                topograph: 1
                name: t
                resources:
                  nlb: { kind: nlb, zones: [us-east-1a, us-east-1b], cross_zone: ↓false }
                  web: { kind: ecs-service }
                connections:
                  - nlb -> web
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  nlb: { kind: nlb, zones: [us-east-1a, us-east-1b], cross_zone: true }
                  one: { kind: nlb, zones: [us-east-1a, us-east-1b] }
                  unknown: { kind: nlb, zones: [us-east-1a, us-east-1b] }
                  web: { kind: ecs-service, zones: [us-east-1a] }
                  api: { kind: ecs-service, zones: [us-east-1a, us-east-1b] }
                  reports: { kind: ecs-service }
                connections:
                  - nlb -> web
                  - one -> api
                  - unknown -> reports
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .nlb).compactMap { nlb in
            guard let count = topology.loadBalancerZoneCount(of: nlb), count >= 2, nlb.bool("cross_zone") != true else { return nil }
            let zones = Set(topology.loadBalancerZoneNames(of: nlb))
            let targets = topology.outgoing(nlb.id).compactMap { topology.resource($0.to) }.uniqued()
            // No targets at all is lb-without-targets' finding.
            guard !targets.isEmpty else { return nil }
            let location = nlb.fields["cross_zone"] != nil ? nlb.location(of: "cross_zone") : nlb.location
            let unknown = targets.filter { topology.availabilityZones(of: $0).isEmpty }
            if !unknown.isEmpty {
                // Cross-zone written off and target zones not written: nothing shows that every
                // NLB node has a target in its own zone, which is what "off" requires.
                guard nlb.bool("cross_zone") == false else { return nil }
                return LintViolation(
                    at: location,
                    "nlb '\(nlb.id)' spans \(zones.sorted().joined(separator: ", ")) with cross-zone load balancing off, but the zones of \(unknown.map { "'\($0.id)'" }.joined(separator: ", ")) are not written: each NLB node only reaches targets in its own zone",
                    resource: nlb.id)
            }
            let covered = targets.reduce(into: Set<String>()) { $0.formUnion(topology.availabilityZones(of: $1)) }
            let missing = zones.subtracting(covered)
            guard !missing.isEmpty else { return nil }
            return LintViolation(
                at: location,
                "nlb '\(nlb.id)' spans \(zones.sorted().joined(separator: ", ")) without cross-zone load balancing, and has no target in \(missing.sorted().joined(separator: ", "))",
                resource: nlb.id)
        }
    }
}
