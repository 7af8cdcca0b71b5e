import TopographModel

struct DataInPublicSubnetRule: LintRule {
    static let description = LintRuleDescription(
        id: "data-in-public-subnet", name: "Database or cache reachable from the internet", category: .security, severity: .error,
        summary: "A database or cache sits in a public subnet or is publicly accessible",
        rationale: """
            A public subnet routes to an internet gateway; an RDS, Aurora or ElastiCache node placed \
            there (or marked `public: true`) gets a path from the internet that only its security group \
            guards. Session stores and databases belong in private subnets, reached by the services \
            in front of them.
            """,
        fix: "Move it into a private subnet (`in: private-a`) and set `public: false` or remove `public`.",
        references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public }
                  sessions: { kind: elasticache-redis, in: ↓public-a }
                  db: { kind: rds, public: ↓true }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  sessions: { kind: elasticache-redis, in: private-a }
                  db: { kind: aurora, in: private-a, public: false }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for resource in topology.resources(ofKinds: [.rds, .aurora, .redis]) {
            if resource.bool("public") == true {
                violations.append(LintViolation(at: resource.location(of: "public"), "\(resource.kind) '\(resource.id)' is publicly accessible", resource: resource.id))
            }
            let publicSubnets = topology.placementSubnets(of: resource).filter { $0.string("access") == "public" }
            // `public: true` already says it is reachable; the subnet is the same problem.
            if let subnet = publicSubnets.first, resource.bool("public") != true {
                violations.append(LintViolation(
                    at: topology.placementLocation(of: resource, subnet: subnet.id), "\(resource.kind) '\(resource.id)' sits in public subnet '\(subnet.id)'",
                    resource: resource.id))
            }
        }
        return violations
    }
}
