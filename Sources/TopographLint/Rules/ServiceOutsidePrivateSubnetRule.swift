import TopographModel

struct ServiceOutsidePrivateSubnetRule: LintRule {
    static let description = LintRuleDescription(
        id: "service-outside-private-subnet", name: "Service or session store outside private subnets", category: .security, severity: .warning,
        summary: "An ECS service or session store is not placed in private subnets",
        rationale: """
            The services and the Redis session store of this kind of architecture are meant to run \
            without public IPs, in private subnets, reachable only through the load balancer or API \
            in front of them. A task in a public subnet can be given a public address, and then \
            the front door is no longer the only way in. The rule reads placement from `in:` \
            (a subnet, or any container inside one) and from `subnets:`; in a file that draws \
            subnets, a service in none of them is reported too, and a subnet that does not say \
            `access: private` does not count as private.
            """,
        fix: "Place it `in:` a private subnet, or list its private subnets with `subnets: [private-a, private-b]`.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public }
                  private-a: { kind: subnet, in: vpc, access: private }
                  web: { kind: ecs-service, in: ↓public-a }
                  auth: { kind: ecs-service, in: vpc, subnets: [private-a, ↓public-a] }
                  ↓sessions: { kind: elasticache-redis, in: vpc, role: session-store }
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  app-a: { kind: subnet, in: vpc }
                  cluster: { kind: ecs-cluster, in: app-a }
                  web: { kind: ecs-service, in: ↓cluster }
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
                  cache: { kind: elasticache-redis, in: vpc, role: cache }
                """),
            LintExample("""
                # A file that draws no subnets at all says nothing about placement.
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service }
                  sessions: { kind: elasticache-redis, role: session-store }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        let drawsSubnets = !topology.resources(ofKind: .subnet).isEmpty
        var violations: [LintViolation] = []
        for resource in topology.resources where resource.kind == .ecsService || (resource.kind == .redis && resource.string("role") == "session-store") {
            let what = resource.kind == .ecsService ? "ECS service" : "session store"
            let subnets = topology.placementSubnets(of: resource)
            if subnets.isEmpty {
                guard drawsSubnets else { continue }
                violations.append(LintViolation(
                    at: resource.location, "\(what) '\(resource.id)' is in no subnet; place it in a private one", resource: resource.id))
                continue
            }
            guard let other = subnets.first(where: { $0.subnetAccess != "private" }) else { continue }
            // A session store in a public subnet is data-in-public-subnet's (error) finding.
            if resource.kind == .redis, other.subnetAccess == "public" { continue }
            let why = other.subnetAccess == "public" ? "public subnet '\(other.id)'" : "subnet '\(other.id)', which does not say `access: private`"
            violations.append(LintViolation(
                at: topology.placementLocation(of: resource, subnet: other.id), "\(what) '\(resource.id)' runs in \(why)", resource: resource.id))
        }
        return violations
    }
}
