import TopographModel

struct InternetListenerWithoutHTTPSRule: LintRule {
    static let description = LintRuleDescription(
        id: "internet-listener-without-https", name: "Internet-facing ALB without HTTPS", category: .security, severity: .warning,
        summary: "An internet-facing ALB listens only on plain HTTP",
        rationale: """
            Seed 003 builds its ALB on port 80 and warns that production should always use 443 \
            with a certificate. Without an HTTPS listener, logins and session cookies cross the \
            internet in clear text and browsers mark the site "Not secure". The rule reads the \
            ALB's `listeners` (443 is HTTPS unless `listener_protocols` says otherwise).
            """,
        fix: "Add an HTTPS listener (`listeners: [80, 443]` with `certificate:` and `https_redirect: true`).",
        references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb, scheme: internet-facing, listeners: ↓[80] }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  alb: { kind: alb, scheme: internet-facing, listeners: [80, 443], https_redirect: true }
                  custom: { kind: alb, listeners: [8443], listener_protocols: { "8443": HTTPS } }
                  internal: { kind: alb, scheme: internal, listeners: [80] }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .alb).compactMap { alb in
            let protocols = ListenerProtocols(alb)
            guard alb.isInternetFacing, protocols.isWritten, !protocols.hasHTTPS else { return nil }
            // A protocol an ALB cannot listen with is listener-protocol's finding.
            let allowed = ListenerProtocolRule.allowed[.alb] ?? []
            guard protocols.byPort.allSatisfy({ allowed.contains($0.protocol) }) else { return nil }
            return LintViolation(
                at: alb.location(of: alb.fields["listeners"] != nil ? "listeners" : "listener_protocols"),
                "internet-facing alb '\(alb.id)' has no HTTPS listener", resource: alb.id)
        }
    }
}
