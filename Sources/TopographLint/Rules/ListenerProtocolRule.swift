import TopographModel

struct ListenerProtocolRule: LintRule {
    static let description = LintRuleDescription(
        id: "listener-protocol", name: "Listener protocol the load balancer does not offer", category: .networking, severity: .error,
        summary: "A `listener_protocols` entry names a protocol or port the load balancer cannot listen with",
        rationale: """
            An Application Load Balancer listens with HTTP or HTTPS only; a Network Load \
            Balancer with TCP, TLS, UDP or TCP_UDP. `CreateListener` refuses any other \
            protocol, and a key that is not a port (1-65535) names no listener at all, so the \
            protocol the topology documents is not what AWS would run.
            """,
        fix: "Use HTTP or HTTPS on an ALB, TCP, TLS, UDP or TCP_UDP on an NLB, keyed by the listener's port (`{ \"443\": HTTPS }`).",
        references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb, listeners: [443], listener_protocols: { "443": ↓TLS } }
                  nlb: { kind: nlb, listeners: [443], listener_protocols: { "443": ↓HTTPS, "https": ↓TLS } }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb, listeners: [80, 443], listener_protocols: { "80": HTTP, "443": https } }
                  nlb: { kind: nlb, listeners: [443, 53], listener_protocols: { "443": TLS, "53": TCP_UDP } }
                """),
        ])

    static let allowed: [KindID: Set<String>] = [.alb: ["HTTP", "HTTPS"], .nlb: ["TCP", "TLS", "UDP", "TCP_UDP"]]

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for balancer in topology.resources(ofKinds: [.alb, .nlb]) {
            guard let entries = balancer["listener_protocols"]?.mapValue, let allowed = allowed[balancer.kind] else { continue }
            for entry in entries {
                let value = (entry.value.scalarText ?? "").uppercased()
                let location = balancer.location(of: "listener_protocols", key: entry.key)
                if let port = Int(entry.key), (1...65535).contains(port) {
                    guard !allowed.contains(value) else { continue }
                    violations.append(LintViolation(
                        at: location, "\(balancer.kind) '\(balancer.id)' cannot listen with \(entry.value.scalarText ?? "?") on \(port); it offers \(allowed.sorted().joined(separator: ", "))",
                        resource: balancer.id))
                } else {
                    violations.append(LintViolation(
                        at: location, "'\(entry.key)' in `listener_protocols` of '\(balancer.id)' is not a port", resource: balancer.id))
                }
            }
        }
        return violations
    }
}
