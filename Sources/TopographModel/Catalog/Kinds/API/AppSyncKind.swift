extension KindID {
    package static let appsync = KindID("appsync")
}

extension KindSpec {
    /// AWS AppSync GraphQL API.
    static let appsync = KindSpec(
        .appsync, .api, title: "AppSync GraphQL API",
        summary: "A managed GraphQL API whose resolvers read DynamoDB, Lambda, HTTP endpoints and databases, with real-time subscriptions.",
        attributes: [
            AttributeSpec(
                "auth", .oneOf(["API_KEY", "AWS_IAM", "AMAZON_COGNITO_USER_POOLS", "OPENID_CONNECT", "AWS_LAMBDA"]),
                "The default authorization mode."),
            AttributeSpec("authorizer", .reference([.cognito, .lambda]), "Id of the user pool or Lambda authorizer."),
            AttributeSpec("visibility", .oneOf(["GLOBAL", "PRIVATE"]), "A public endpoint, or reachable only through an execute-api VPC endpoint."),
            AttributeSpec("caching", .bool, "Server-side caching of resolver results."),
            AttributeSpec("xray", .bool, "X-Ray tracing."),
        ],
        shape: .parallelogram,
        example: "graphql: { kind: appsync, auth: AMAZON_COGNITO_USER_POOLS, authorizer: users }",
        scope: .regional,
        icon: KindIcon(diagrams: "aws/integration/appsync.png", assetPackage: ["Arch_AWS-AppSync"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::AppSync::GraphQLApi"], terraform: ["aws_appsync_graphql_api"]),
        diffTraits: KindDiffTraits(key: ["auth", "authorizer", "visibility"]),
        nameRule: AWSValueRules.apiName,
        createdAfter: .restAPI, connectionMeaning: "resolves from",
        idWords: ["appsync", "graphql", "api"], isExtension: true)
}
