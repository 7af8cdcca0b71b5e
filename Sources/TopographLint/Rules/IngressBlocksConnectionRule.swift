import TopographModel

struct IngressBlocksConnectionRule: LintRule {
    static let description = LintRuleDescription(
        id: "ingress-blocks-connection", name: "Connection its target's ingress rules do not allow", category: .networking, severity: .error,
        summary: "A drawn connection reaches a resource whose `ingress:` does not let it in",
        rationale: """
            A security group denies everything it does not allow. Once a resource lists its \
            `ingress:` rules, they are its whole security group, so a connection the diagram \
            draws into it from a source no rule admits (by id, by a container such as its \
            subnet, or by a CIDR holding the source's subnet or VPC) is a connection that times \
            out. Seed 003 allows the service's port from the ALB's security group only; an NLB \
            in front needs its own rule. A user or the internet is admitted by `0.0.0.0/0` or \
            any public address block (an office CIDR); sources outside the VPC (ECR, \
            CloudWatch, S3) are not checked.
            """,
        fix: "Add an ingress rule for the source (`{ from: alb, port: 8080 }`), or remove the connection.",
        references: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  alb: { kind: alb, in: vpc }
                  nlb: { kind: nlb, in: vpc }
                  web: { kind: ecs-service, in: vpc, ingress: [{ from: alb, port: 8080 }] }
                connections:
                  - { from: alb, to: ↓web, port: 9090 }
                  - nlb -> ↓web
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  users: { kind: user }
                  vpc: { kind: vpc, cidr: 10.0.0.0/16 }
                  private-a: { kind: subnet, in: vpc, access: private, cidr: 10.0.10.0/24 }
                  alb: { kind: alb, in: vpc, ingress: [{ from: 0.0.0.0/0, port: 443 }] }
                  web: { kind: ecs-service, in: private-a, ingress: [{ from: alb, port: 8080 }] }
                  worker: { kind: ecs-service, in: private-a }
                  db: { kind: rds, in: private-a, ingress: [{ from: 10.0.10.0/24, port: 5432 }] }
                  images: { kind: ecr }
                connections:
                  - { from: users, to: alb, port: 443 }
                  - { from: alb, to: web, port: 8080 }
                  - { from: web, to: db, port: 5432 }
                  - { from: worker, to: db, port: 5432 }
                  - images -> web
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for connection in topology.connections {
            guard let target = topology.resource(connection.to), target.declaresIngress,
                  let source = topology.resource(connection.from) else { continue }
            // A misspelt source is ingress-unknown-source's finding; the block follows from it.
            if target.ingressRules.contains(where: { !IngressUnknownSourceRule.isKnown($0.from, in: topology) }) { continue }
            let fromInternet = topology.isInternetSource(source.id)
            guard fromInternet || topology.isInVPC(source) || PublicEdgeToPrivateResourceRule.vpcOnlyKinds.contains(source.kind) else { continue }
            let rules = target.ingressRules
            let admitted = rules.contains { rule in
                rule.allows(port: connection.port) && (fromInternet ? rule.admitsInternetClients : topology.ingressRule(rule, admits: source))
            }
            guard !admitted else { continue }
            let port = connection.port.map { " on port \($0)" } ?? ""
            violations.append(LintViolation(
                at: connection.toLocation,
                "no ingress rule of '\(target.id)' lets '\(source.id)' in\(port): the connection '\(connection.endpoints)' is blocked",
                resource: target.id))
        }
        return violations
    }
}
