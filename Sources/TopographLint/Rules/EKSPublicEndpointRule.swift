import TopographModel

struct EKSPublicEndpointRule: LintRule {
    static let description = LintRuleDescription(
        id: "eks-public-endpoint", name: "EKS API endpoint open to the internet", category: .security, severity: .warning,
        summary: "An EKS cluster's API server endpoint is public to 0.0.0.0/0",
        rationale: """
            EKS creates the Kubernetes API endpoint public and open to every address unless told \
            otherwise. Authentication still applies, but the API server is exposed to scanning, \
            credential stuffing and any future vulnerability from the whole internet. AWS's \
            best practice is a private endpoint (reached from the VPC, a VPN or a bastion) or at \
            least a public endpoint restricted to known CIDR blocks.
            """,
        fix: "Set `endpoint_public: false` and `endpoint_private: true`, or list the allowed blocks in `public_cidrs` (e.g. [203.0.113.0/24]).",
        references: [
            "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
            "https://docs.aws.amazon.com/eks/latest/best-practices/control-plane.html",
        ],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  ↓eks: { kind: eks-cluster, in: vpc }
                """),
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  eks: { kind: eks-cluster, in: vpc, endpoint_public: true, public_cidrs: [↓0.0.0.0/0] }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  vpc: { kind: vpc }
                  private: { kind: eks-cluster, in: vpc, endpoint_public: false, endpoint_private: true }
                  office: { kind: eks-cluster, in: vpc, public_cidrs: [203.0.113.0/24] }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.resources(ofKind: .eksCluster).compactMap { cluster in
            guard cluster.bool("endpoint_public") != false else { return nil }
            let cidrs = cluster.strings("public_cidrs")
            if cidrs.isEmpty {
                return LintViolation(
                    at: cluster.location, "EKS cluster '\(cluster.id)' has a public API endpoint open to 0.0.0.0/0 (AWS's default)", resource: cluster.id)
            }
            guard let index = cidrs.firstIndex(where: { $0 == "0.0.0.0/0" || $0 == "::/0" }) else { return nil }
            return LintViolation(
                at: cluster.location(of: "public_cidrs", element: index), "EKS cluster '\(cluster.id)' allows its public API endpoint from \(cidrs[index])",
                resource: cluster.id)
        }
    }
}
