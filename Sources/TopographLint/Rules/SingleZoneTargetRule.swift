import TopographModel

struct SingleZoneTargetRule: LintRule {
    static let description = LintRuleDescription(
        id: "single-zone-target", name: "Service in one zone behind a multi-zone load balancer", category: .reliability, severity: .warning,
        summary: "A service runs in one availability zone behind a load balancer that spans several",
        rationale: """
            A load balancer in two zones survives a zone outage only if its targets do too. A \
            service whose tasks all run in one zone takes the site down with that zone however \
            many zones the load balancer spans, and during a deployment every task shares one \
            zone's capacity. Give the service the same subnets (zones) as its load balancer. \
            An NLB without cross-zone load balancing is `nlb-cross-zone`'s finding.
            """,
        fix: "Place the service in subnets of every zone the load balancer spans (`subnets: [private-a, private-b]`).",
        references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-options.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public, az: us-east-1a }
                  public-b: { kind: subnet, in: vpc, access: public, az: us-east-1b }
                  private-a: { kind: subnet, in: vpc, access: private, az: us-east-1a }
                  alb: { kind: alb, subnets: [public-a, public-b] }
                  web: { kind: ecs-service, in: ↓private-a }
                connections:
                  - alb -> web
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb, zones: [us-east-1a, us-east-1b] }
                  web: { kind: ecs-service, zones: [us-east-1a, us-east-1b] }
                  api: { kind: ecs-service }
                  nlb: { kind: nlb, zones: [us-east-1a, us-east-1b] }
                  worker: { kind: ecs-service, zones: [us-east-1a] }
                connections:
                  - alb -> web
                  - alb -> api
                  - nlb -> worker
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        var reported: Set<String> = []
        for connection in topology.connections {
            guard let balancer = topology.resource(connection.from), [.alb, .nlb].contains(balancer.kind),
                  balancer.kind == .alb || balancer.bool("cross_zone") == true,
                  let count = topology.loadBalancerZoneCount(of: balancer), count >= 2,
                  let target = topology.resource(connection.to), [.ecsService, .ec2].contains(target.kind) else { continue }
            let zones = topology.availabilityZones(of: target)
            guard zones.count == 1, let zone = zones.first, reported.insert(target.id).inserted else { continue }
            let field = ["zones", "subnets", "in"].first { target.fields[$0] != nil } ?? "kind"
            violations.append(LintViolation(
                at: target.location(of: field), "'\(target.id)' runs only in \(zone), behind \(balancer.kind) '\(balancer.id)' in \(count) zones", resource: target.id))
        }
        return violations
    }
}
