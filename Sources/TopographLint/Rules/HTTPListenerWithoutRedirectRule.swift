import TopographModel

struct HTTPListenerWithoutRedirectRule: LintRule {
    static let description = LintRuleDescription(
        id: "http-listener-without-redirect", name: "HTTP listener beside HTTPS without a redirect", category: .security, severity: .warning,
        summary: "An internet-facing ALB serves plain HTTP next to HTTPS instead of redirecting",
        rationale: """
            When an internet-facing ALB has an HTTPS listener, its HTTP listener should only \
            redirect (301 to `https://#{host}:443/#{path}?#{query}`). Forwarding plain HTTP to the \
            targets serves the same pages, session cookies included, unencrypted, and a user who \
            types the bare host name never gets upgraded.
            """,
        fix: "Set `https_redirect: true` (the port 80 listener's default action redirects to HTTPS).",
        references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb, scheme: internet-facing, listeners: [80, 443], https_redirect: ↓false }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb, scheme: internet-facing, listeners: [80, 443], https_redirect: true }
                  internal: { kind: alb, scheme: internal, listeners: [80, 443], https_redirect: false }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .alb).compactMap { alb in
            guard alb.isInternetFacing, alb.bool("https_redirect") == false else { return nil }
            let protocols = ListenerProtocols(alb)
            guard protocols.hasHTTPS, protocols.hasPlainHTTP else { return nil }
            return LintViolation(
                at: alb.location(of: "https_redirect"),
                "internet-facing alb '\(alb.id)' forwards plain HTTP on \(protocols.plainHTTPPorts.map(String.init).joined(separator: ", ")) instead of redirecting to HTTPS",
                resource: alb.id)
        }
    }
}

/// The protocol of each listener: `listener_protocols` where written, else the convention
/// (443 is HTTPS, anything else HTTP).
struct ListenerProtocols {
    var byPort: [(port: Int, protocol: String)]

    init(_ balancer: Resource) {
        let written = Dictionary((balancer["listener_protocols"]?.mapValue ?? []).map { ($0.key, ($0.value.scalarText ?? "").uppercased()) }, uniquingKeysWith: { first, _ in first })
        let ports = balancer["listeners"]?.listValue?.compactMap(\.intValue) ?? []
        let extra = written.keys.compactMap(Int.init).filter { !ports.contains($0) }.sorted()
        byPort = (ports + extra).map { port in (port, written[String(port)] ?? (port == 443 ? "HTTPS" : "HTTP")) }
    }

    var hasHTTPS: Bool { byPort.contains { $0.protocol == "HTTPS" || $0.protocol == "TLS" } }
    var plainHTTPPorts: [Int] { byPort.filter { $0.protocol == "HTTP" }.map(\.port) }
    var hasPlainHTTP: Bool { !plainHTTPPorts.isEmpty }
    var isWritten: Bool { !byPort.isEmpty }
}
