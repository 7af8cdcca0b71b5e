import TopographModel

struct InternetFacingLBInPrivateSubnetsRule: LintRule {
    static let description = LintRuleDescription(
        id: "internet-facing-lb-in-private-subnets", name: "Internet-facing load balancer in private subnets", category: .networking, severity: .error,
        summary: "An internet-facing load balancer is placed only in private subnets",
        rationale: """
            An internet-facing load balancer's nodes get public addresses in the subnets it is \
            given, and answer only if those subnets route to an internet gateway. In private \
            subnets the load balancer is created but the internet cannot reach it: every \
            request times out. Seed 003 shows the opposite mix-up too (an internal load balancer \
            in public subnets works, but is misleading). The rule fires when the load balancer \
            says `scheme: internet-facing` or takes traffic from a user or the internet.
            """,
        fix: "Place it in public subnets (`subnets: [public-a, public-b]`), or make it `scheme: internal`.",
        references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#subnets-load-balancer"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  users: { kind: user }
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  private-b: { kind: subnet, in: vpc, access: private }
                  alb: { kind: alb, in: vpc, subnets: ↓[private-a, private-b] }
                connections:
                  - users -> alb
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private-a: { kind: subnet, in: vpc, access: private }
                  private-b: { kind: subnet, in: vpc, access: private }
                  public-a: { kind: subnet, in: vpc, access: public }
                  public-b: { kind: subnet, in: vpc, access: public }
                  alb: { kind: alb, in: vpc, scheme: internet-facing, subnets: [public-a, public-b] }
                  internal: { kind: alb, in: vpc, scheme: internal, subnets: [private-a, private-b] }
                  unsaid: { kind: nlb, in: vpc, subnets: [private-a, private-b] }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKinds: [.alb, .nlb]).compactMap { balancer in
            guard balancer.isInternetFacing, topology.isInPrivateSubnets(balancer) else { return nil }
            let saysSo = balancer.string("scheme") == "internet-facing" || topology.incoming(balancer.id).contains { topology.isInternetSource($0.from) }
            guard saysSo else { return nil }
            return LintViolation(
                at: balancer.location(of: topology.placementField(of: balancer)),
                "internet-facing \(balancer.kind) '\(balancer.id)' sits only in private subnets: the internet cannot reach it",
                resource: balancer.id)
        }
    }
}
