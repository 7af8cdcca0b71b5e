import TopographModel

struct RestVPCLinkTargetRule: LintRule {
    static let description = LintRuleDescription(
        id: "rest-vpc-link-target", name: "REST API VPC link not targeting an NLB", category: .networking, severity: .error,
        summary: "A REST API's VPC link targets something other than a Network Load Balancer",
        rationale: """
            A REST API's VPC link is a PrivateLink endpoint service in front of a Network Load \
            Balancer, so an NLB is the only thing it can target; an ALB, a Cloud Map namespace or a \
            service cannot sit behind it directly (an HTTP API's VPC link can reach those). To get \
            to an ALB or a service, put an internal NLB in front of it (an ALB-type target group \
            lets the NLB forward to an ALB). A link counts as a REST API's when it says `api: rest` \
            or when a REST API connects to it.
            """,
        fix: "Target an `nlb` (`targets: [nlb]`), and point that NLB at the ALB or the service.",
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb }
                  link: { kind: vpc-link, api: rest, targets: [↓alb] }
                connections:
                  - link -> alb
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  web: { kind: ecs-service }
                  rest: { kind: api-gateway-rest }
                  link: { kind: vpc-link }
                connections:
                  - rest -> link
                  - link -> ↓web
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
        for link in topology.resources(ofKind: .vpcLink) where isREST(link, in: topology) {
            // One finding per wrong target: its `targets:` entry if listed, else the edge.
            var reported: Set<String> = []
            for (index, target) in link.strings("targets").enumerated() where topology.resource(target)?.kind != .nlb {
                guard reported.insert(target).inserted else { continue }
                let kind = topology.resource(target)?.kind.rawValue ?? "resource"
                violations.append(LintViolation(
                    at: link.location(of: "targets", element: index), "REST VPC link '\(link.id)' targets \(kind) '\(target)', not an NLB", resource: link.id))
            }
            for connection in topology.outgoing(link.id) {
                guard let target = topology.resource(connection.to), target.kind != .nlb, reported.insert(target.id).inserted else { continue }
                violations.append(LintViolation(at: connection.toLocation, "REST VPC link '\(link.id)' forwards to \(target.kind) '\(target.id)', not an NLB", resource: link.id))
            }
        }
        return violations
    }

    static func isREST(_ link: Resource, in topology: StageTopology) -> Bool {
        if let api = link.string("api") { return api == "rest" }
        return topology.incoming(link.id).contains { topology.resource($0.from)?.kind == .restAPI }
    }
}
