import TopographModel

struct SSHFromInternetRule: LintRule {
    static let description = LintRuleDescription(
        id: "ssh-from-internet", name: "SSH or RDP open to the internet", category: .security, severity: .warning,
        summary: "SSH (22) or RDP (3389) is reachable from the internet",
        rationale: """
            Remote-shell ports open to `0.0.0.0/0` are scanned within minutes of an address \
            going live. Seed 003 reaches its database through a bastion; the bastion's SSH \
            should admit only known addresses, and ECS Exec or Session Manager (seed 000) needs \
            no inbound port at all. An edge from a user on port 22 or 3389 counts unless the \
            target's `ingress:` limits that port to known addresses.
            """,
        fix: "Admit SSH only from known CIDRs, or drop the port and use Session Manager (`aws ssm start-session`) or ECS Exec.",
        references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  admins: { kind: user }
                  bastion: { kind: ec2, ingress: [↓{ from: 0.0.0.0/0, port: 22 }] }
                  windows: { kind: ec2 }
                connections:
                  - { from: admins, to: ↓windows, port: 3389 }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  admins: { kind: user }
                  bastion: { kind: ec2, ingress: [{ from: 203.0.113.0/24, port: 22 }] }
                  alb: { kind: alb }
                connections:
                  - { from: admins, to: alb, port: 443 }
                  - { from: admins, to: bastion, port: 22 }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for resource in topology.resources where resource.declaresIngress {
            for rule in resource.ingressRules where rule.isFromInternet {
                guard let port = rule.port, IngressOpenToInternetRule.remoteShellPorts.contains(port) else { continue }
                violations.append(LintViolation(
                    at: rule.location, "\(resource.kind) '\(resource.id)' admits \(rule.from) on port \(port)", resource: resource.id))
            }
        }
        for connection in topology.connections where topology.isInternetSource(connection.from) {
            let isShell = connection.port.map(IngressOpenToInternetRule.remoteShellPorts.contains) ?? false
                || ["ssh", "rdp"].contains(connection.protocol?.lowercased() ?? "")
            guard isShell, let target = topology.resource(connection.to) else { continue }
            // Ingress that admits the port only from known addresses is the fix, not a hole.
            if target.declaresIngress, !target.ingressRules.contains(where: { $0.isFromInternet && $0.allows(port: connection.port ?? 22) }) { continue }
            violations.append(LintViolation(
                at: connection.toLocation, "'\(connection.endpoints)' opens a remote shell to \(target.kind) '\(target.id)' from the internet",
                resource: target.id))
        }
        return violations
    }
}
