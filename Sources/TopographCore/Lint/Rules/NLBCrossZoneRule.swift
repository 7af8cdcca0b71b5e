struct NLBCrossZoneRule: LintRule {
    static let description = LintRuleDescription(
        id: "nlb-cross-zone", name: "NLB across zones without cross-zone load balancing", category: .reliability, severity: .warning,
        summary: "An NLB spans several availability zones without cross-zone load balancing or targets in every zone",
        rationale: """
            A Network Load Balancer node only sends traffic to targets in its own zone unless \
            cross-zone load balancing is on. An NLB in two zones whose targets sit in one of them drops \
            the requests that arrive in the other, which is how a REST API's VPC link fails \
            intermittently.
            """,
        fix: "Set `cross_zone: true`, or register targets in every zone the NLB spans.",
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
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  nlb: { kind: nlb, zones: [us-east-1a, us-east-1b], cross_zone: true }
                  one: { kind: nlb, zones: [us-east-1a, us-east-1b] }
                  web: { kind: ecs-service, zones: [us-east-1a] }
                  api: { kind: ecs-service, zones: [us-east-1a, us-east-1b] }
                connections:
                  - nlb -> web
                  - one -> api
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: "nlb").compactMap { nlb in
            let zones = topology.availabilityZones(of: nlb)
            guard zones.count >= 2, nlb.bool("cross_zone") != true else { return nil }
            var covered: Set<String> = []
            for connection in topology.outgoing(nlb.id) {
                if let target = topology.resource(connection.to) { covered.formUnion(topology.availabilityZones(of: target)) }
            }
            let missing = zones.subtracting(covered)
            guard !missing.isEmpty else { return nil }
            return LintViolation(
                at: nlb.fields["cross_zone"] != nil ? nlb.location(of: "cross_zone") : nlb.location,
                "nlb '\(nlb.id)' spans \(zones.sorted().joined(separator: ", ")) without cross-zone load balancing, and has no target in \(missing.sorted().joined(separator: ", "))",
                resource: nlb.id)
        }
    }
}
