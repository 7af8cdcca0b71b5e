import TopographModel

struct BroadManagedPolicyRule: LintRule {
    static let description = LintRuleDescription(
        id: "broad-managed-policy", name: "Role with a full-access managed policy", category: .security, severity: .warning,
        summary: "An IAM role has an administrator or full-access managed policy attached",
        rationale: """
            A task role is what the code in the container can do. Seed 003 gives its task role \
            `AmazonECS_FullAccess`, which lets any compromised container create, change and \
            delete every ECS cluster and service in the account. AWS's least-privilege \
            guidance is a policy naming the actions and resources the task uses; AWS-managed \
            `*FullAccess`, `AdministratorAccess` and `PowerUserAccess` policies are for people, \
            not workloads. (`AmazonECSTaskExecutionRolePolicy` on the execution role is fine.)
            """,
        fix: "Replace the policy with a customer-managed one that grants only the actions the task needs.",
        references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  task-role: { kind: iam-role, managed_policies: [↓AmazonECS_FullAccess, ↓"arn:aws:iam::aws:policy/AdministratorAccess"] }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  execution-role: { kind: iam-role, managed_policies: [AmazonECSTaskExecutionRolePolicy] }
                  task-role: { kind: iam-role, managed_policies: [web-sessions-read-write] }
                """),
        ])

    static let broad: Set<String> = ["AdministratorAccess", "PowerUserAccess"]

    static func check(_ topology: StageTopology) -> [LintViolation] {
        var violations: [LintViolation] = []
        for role in topology.resources(ofKind: .iamRole) {
            for (index, policy) in role.strings("managed_policies").enumerated() {
                let name = policy.split(separator: "/").last.map(String.init) ?? policy
                guard broad.contains(name) || name.hasSuffix("FullAccess") else { continue }
                violations.append(LintViolation(
                    at: role.location(of: "managed_policies", element: index),
                    "role '\(role.id)' has \(name) attached: far more than a workload needs", resource: role.id))
            }
        }
        return violations
    }
}
