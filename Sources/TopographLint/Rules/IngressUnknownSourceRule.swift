import TopographModel

struct IngressUnknownSourceRule: LintRule {
    static let description = LintRuleDescription(
        id: "ingress-unknown-source", name: "Ingress rule from nothing the file knows", category: .networking, severity: .error,
        summary: "An `ingress:` entry's `from` is neither a resource id, a CIDR block nor `internet`",
        rationale: """
            An ingress rule admits a resource (its security group), an address block or the \
            internet. A `from` that is none of these, usually a misspelt id, admits nobody: \
            the traffic it was written for is blocked, and the mistake hides behind a rule \
            that looks right.
            """,
        fix: "Name a resource of the file (`from: alb`), a CIDR block (`10.0.0.0/16`, `0.0.0.0/0`) or `internet`.",
        references: ["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb }
                  web: { kind: ecs-service, ingress: [{ from: alb, port: 8080 }, ↓{ from: abl, port: 8443 }, ↓{ from: 10.0.0.0/33 }] }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb }
                  web: { kind: ecs-service, ingress: [{ from: alb, port: 8080 }, { from: 10.0.0.0/16 }, { from: "::/0", port: 443 }, { from: internet, port: 80 }] }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for resource in topology.resources where resource.declaresIngress {
            for rule in resource.ingressRules {
                if isKnown(rule.from, in: topology) { continue }
                let hint = Suggestions.didYouMean(rule.from, in: topology.resources.map(\.id)).map { "; \($0)" } ?? ""
                violations.append(LintViolation(
                    at: rule.location, "ingress of '\(resource.id)' admits '\(rule.from)', which is no resource, CIDR block or `internet`\(hint)",
                    resource: resource.id))
            }
        }
        return violations
    }

    static func isKnown(_ from: String, in topology: StageTopology) -> Bool {
        ["0.0.0.0/0", "::/0", "internet"].contains(from) || topology.contains(from) || IPv4Block(from) != nil || isIPv6Block(from)
    }

    /// `2001:db8::/32`: hex groups and colons, a prefix of 0 to 128.
    static func isIPv6Block(_ text: String) -> Bool {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let prefix = Int(parts[1]), (0...128).contains(prefix), parts[0].contains(":") else { return false }
        return parts[0].allSatisfy { $0.isHexDigit || $0 == ":" }
    }
}
