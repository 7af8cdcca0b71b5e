extension KindCatalog {
    static let securityKinds: [KindSpec] = [
        KindSpec(
            .waf, .security, title: "AWS WAF", summary: "A web application firewall in front of CloudFront, an ALB or an API.",
            shape: .shield, example: "waf: { kind: waf }"),
        KindSpec(
            .cognito, .security, title: "Cognito", summary: "A user pool or identity pool that authenticates users.",
            shape: .shield, example: "user-pool: { kind: cognito }"),
        KindSpec(
            .securityGroup, .security, title: "Security group", summary: "A stateful firewall attached to resources in a VPC.",
            parents: [.vpc], shape: .shield, example: "web-sg: { kind: security-group, in: vpc }"),
        KindSpec(
            .iamRole, .security, title: "IAM role", summary: "A role a service assumes (task role, execution role, autoscaling role).",
            shape: .shield, example: "task-role: { kind: iam-role, name: web-task-role }"),
    ]
}
