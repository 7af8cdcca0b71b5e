import TopographModel

struct IngressOpenToInternetRule: LintRule {
    static let description = LintRuleDescription(
        id: "ingress-open-to-internet", name: "Ingress open to the whole internet", category: .security, severity: .warning,
        summary: "An ingress rule admits 0.0.0.0/0 to something other than a public load balancer's web ports",
        rationale: """
            Only the front door should accept traffic from anywhere: an internet-facing load \
            balancer on 80 and 443. A database, cache, service or endpoint whose security group \
            admits `0.0.0.0/0` relies on having no public route alone, and a later route-table \
            or subnet change exposes it. Security groups should name the resources in front \
            (seed 003: the service admits only the ALB's group). SSH and RDP from the internet \
            are `ssh-from-internet`'s finding.
            """,
        fix: "Replace the CIDR with the resource in front (`from: alb`) or the VPC's own CIDR.",
        references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  db: { kind: rds, ingress: [↓{ from: 0.0.0.0/0, port: 5432 }] }
                  alb: { kind: alb, scheme: internet-facing, ingress: [{ from: 0.0.0.0/0, port: 443 }, ↓{ from: 0.0.0.0/0, port: 8080 }] }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb, scheme: internet-facing, ingress: [{ from: 0.0.0.0/0, port: 443 }, { from: "::/0", port: 80 }] }
                  db: { kind: rds, ingress: [{ from: 10.0.0.0/16, port: 5432 }] }
                  bastion: { kind: ec2, ingress: [{ from: 0.0.0.0/0, port: 22 }] }
                """),
        ])

    static let webPorts: Set<Int> = [80, 443]
    static let remoteShellPorts: Set<Int> = [22, 3389]

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for resource in topology.resources where resource.declaresIngress {
            let isFrontDoor = [.alb, .nlb].contains(resource.kind) && resource.isInternetFacing
            for rule in resource.ingressRules where rule.isFromInternet {
                if let port = rule.port, remoteShellPorts.contains(port) { continue }
                if isFrontDoor, let port = rule.port, webPorts.contains(port) { continue }
                let port = rule.port.map { "port \($0)" } ?? "every port"
                violations.append(LintViolation(
                    at: rule.location, "\(resource.kind) '\(resource.id)' admits \(rule.from) on \(port)", resource: resource.id))
            }
        }
        return violations
    }
}
