struct RestVPCLinkTargetRule: LintRule {
    static let description = LintRuleDescription(
        id: "rest-vpc-link-target", name: "REST API VPC link not targeting an NLB", category: .networking, severity: .error,
        summary: "A REST API's VPC link targets something other than a Network Load Balancer",
        rationale: """
            A VPC link for a REST API is a PrivateLink endpoint service in front of a Network Load \
            Balancer; it cannot target an ALB, Cloud Map or a service directly (HTTP APIs can). To reach \
            an ALB, put an NLB with an ALB-type target group in front of it.
            """,
        fix: "Target an `nlb` (`targets: [nlb]`), and point that NLB at the ALB or the service.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb }
                  link: { kind: vpc-link, api: rest, targets: ↓[alb] }
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service }
                  link: { kind: vpc-link, api: rest }
                connections:
                  - ↓link -> web
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  nlb: { kind: nlb }
                  alb: { kind: alb }
                  link: { kind: vpc-link, api: rest, targets: [nlb] }
                  http-link: { kind: vpc-link, api: http, targets: [alb] }
                connections:
                  - link -> nlb
                  - nlb -> alb
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for link in topology.resources(ofKind: "vpc-link") where link.string("api") == "rest" {
            let wrongTargets = link.strings("targets").filter { topology.resource($0)?.kind != "nlb" }
            if !wrongTargets.isEmpty {
                violations.append(LintViolation(at: link.location(of: "targets"), "REST VPC link '\(link.id)' targets \(wrongTargets.joined(separator: ", ")), not an NLB", resource: link.id))
            }
            for connection in topology.outgoing(link.id) {
                guard let target = topology.resource(connection.to), target.kind != "nlb" else { continue }
                violations.append(LintViolation(at: connection.location, "REST VPC link '\(link.id)' forwards to \(target.kind) '\(target.id)', not an NLB", resource: link.id))
            }
        }
        return violations
    }
}
