struct ServiceOutsidePrivateSubnetRule: LintRule {
    static let description = LintRuleDescription(
        id: "service-outside-private-subnet", name: "Service or session store outside private subnets", category: .security, severity: .warning,
        summary: "An ECS service or session store is not placed in private subnets",
        rationale: """
            The services and the Redis session store of this kind of architecture are meant to run \
            without public IPs, in private subnets, behind a load balancer or API Gateway. A service in \
            a public subnet, or one whose subnets the topology does not say, may end up with a public \
            address and a path around the front door.
            """,
        fix: "Place it `in:` a private subnet, or list its private subnets with `subnets: [private-a, private-b]`.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public }
                  ↓web: { kind: ecs-service, in: public-a }
                  ↓sessions: { kind: elasticache-redis, in: vpc, role: session-store }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  private-b: { kind: subnet, in: vpc, access: private }
                  cluster: { kind: ecs-cluster, in: vpc }
                  web: { kind: ecs-service, in: cluster, subnets: [private-a, private-b] }
                  sessions: { kind: elasticache-redis, in: private-a, role: session-store }
                  cache: { kind: elasticache-redis, role: cache }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for resource in topology.resources where resource.kind == "ecs-service" || (resource.kind == "elasticache-redis" && resource.string("role") == "session-store") {
            let subnets = topology.placementSubnets(of: resource)
            let what = resource.kind == "ecs-service" ? "ECS service" : "session store"
            if subnets.isEmpty {
                violations.append(LintViolation(at: resource.location, "\(what) '\(resource.id)' is in no subnet; its placement cannot be checked", resource: resource.id))
            } else if let other = subnets.first(where: { $0.string("access") != "private" }) {
                violations.append(LintViolation(at: resource.location, "\(what) '\(resource.id)' runs in subnet '\(other.id)', which is not private", resource: resource.id))
            }
        }
        return violations
    }
}
