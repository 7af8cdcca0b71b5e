extension KindCatalog {
    static let externalKinds: [KindSpec] = [
        KindSpec(
            .user, .external, title: "User", summary: "People using the system: browsers, mobile apps, API clients.",
            shape: .person, example: "users: { kind: user, label: Customers }"),
        KindSpec(
            .internet, .external, title: "Internet", summary: "The public internet, as a source or destination of traffic.",
            shape: .cloud, example: "internet: { kind: internet }"),
        KindSpec(
            .externalService, .external, title: "External service",
            summary: "A system outside this architecture (a SaaS API, a partner, another team's service).",
            shape: .rounded, example: "payments: { kind: external-service, label: Payment provider, links: [\"https://status.example.com\"] }"),
    ]
}
