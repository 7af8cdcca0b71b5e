import TopographModel

/// Which account-wide lists each kind needs, so `drift --against aws` reads only what the
/// topology can be compared with (drift never counts kinds the topology does not use):
/// every process the CLI starts costs half a second of CPU.
extension AWSAccountReader {
    /// `service` or `service operation` -> the kinds whose resources, attributes or
    /// connections that call gives. Calls not listed are always made (the network, tags).
    static let neededBy: [String: Set<KindID>] = [
        "ec2 describe-instances": [.ec2],
        "ec2 describe-vpc-endpoints": [.vpcEndpoint, .restAPI],
        "elbv2": [.alb, .nlb, .ecsService, .vpcLink, .httpAPI, .restAPI, .route53, .ec2, .lambda],
        "ecs": [.ecsCluster, .ecsService, .autoscaling, .vpcLink, .alb, .nlb],
        "servicediscovery": [.cloudMap, .ecsService, .vpcLink, .httpAPI],
        "application-autoscaling": [.autoscaling, .ecsService],
        "logs": [.cloudwatch],
        "ecr": [.ecr],
        "apigateway": [.restAPI, .vpcLink, .waf],
        "apigatewayv2": [.httpAPI, .vpcLink],
        "lambda": [.lambda, .httpAPI, .restAPI, .alb],
        "dynamodb": [.dynamodb],
        "s3api": [.s3, .cloudfront],
        "sqs": [.sqs, .generic, .lambda],
        "sns": [.sns, .generic, .lambda, .sqs],
        "events": [.eventBridgeBus, .eventBridgeRule, .generic],
        "rds": [.rds, .aurora],
        "elasticache": [.redis],
        "cognito-idp": [.cognito, .httpAPI, .restAPI],
        "wafv2": [.waf],
        "route53": [.route53],
        "cloudfront": [.cloudfront],
        "stepfunctions": [.stepFunctions],
        "kinesis": [.kinesisStream],
        "efs": [.efs],
        "kms": [.kmsKey],
        "secretsmanager": [.secretsManager],
        "cloudwatch": [.cloudwatchAlarm],
        "autoscaling": [.autoscalingGroup],
        "eks": [.eksCluster, .eksNodegroup],
    ]

    /// Whether a call is needed for `scope.kinds` (every call is, without a kind list).
    func wanted(_ call: AWSCall) -> Bool {
        guard let kinds = scope.kinds else { return true }
        guard let needers = Self.neededBy["\(call.service) \(call.operation)"] ?? Self.neededBy[call.service] else { return true }
        return needers.contains { kinds.contains($0.rawValue) }
    }
}
