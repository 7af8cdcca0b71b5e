extension KindID {
    package static let websocketAPI = KindID("api-gateway-websocket")
}

extension KindSpec {
    /// API Gateway WebSocket API (CloudFormation: `AWS::ApiGatewayV2::Api` with
    /// `ProtocolType: WEBSOCKET`, the type an HTTP API shares).
    static let websocketAPI = KindSpec(
        .websocketAPI, .api, title: "API Gateway WebSocket API",
        summary: "Long-lived WebSocket connections: routes chosen by a message field (`$connect`, `$disconnect`, `$default`, custom) call integrations; the backend answers through the @connections API.",
        attributes: [
            AttributeSpec("routes", .list(.string), "Route keys: `$connect`, `$disconnect`, `$default` and custom ones such as `sendmessage`.", rule: AWSValueRule(
                "a WebSocket route key", "`$connect`, `$disconnect`, `$default` or a name of letters, digits and `_.:-`",
                pattern: "\\$connect|\\$disconnect|\\$default|[A-Za-z0-9_.:-]+", maxLength: 128)),
            AttributeSpec("route_selection", .string, "The route selection expression, e.g. `$request.body.action`.", rule: AWSValueRule(
                "a route selection expression", "`$request.body.<path>`", pattern: "\\$request\\.body\\.[A-Za-z0-9_.]+", maxLength: 256)),
            AttributeSpec("authorizer", .reference([.lambda]), "Id of the Lambda REQUEST authorizer on `$connect`."),
            AttributeSpec("stage_name", .string, "The deployment stage, e.g. `production`.", rule: AWSValueRules.restStage),
        ],
        shape: .parallelogram,
        example: "chat: { kind: api-gateway-websocket, routes: [\"$connect\", \"$disconnect\", sendmessage], route_selection: $request.body.action, authorizer: authorizer }",
        scope: .regional,
        icon: KindIcon(diagrams: "aws/network/api-gateway.png", assetPackage: ["Arch_Amazon-API-Gateway"]),
        iacTypes: KindIaCTypes(cloudFormation: ["AWS::ApiGatewayV2::Api"], terraform: ["aws_apigatewayv2_api"]),
        diffTraits: KindDiffTraits(unordered: ["routes"], key: ["routes", "route_selection", "authorizer"]),
        nameRule: AWSValueRules.apiName,
        createdAfter: .appsync, connectionMeaning: "routes to",
        idWords: ["api", "websocket", "ws", "gateway"], isExtension: true)
}
