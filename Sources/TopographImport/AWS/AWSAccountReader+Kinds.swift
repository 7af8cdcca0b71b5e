import TopographModel

/// Which account-wide lists each kind needs, so `drift --against aws` reads only what the
/// topology can be compared with (drift never counts kinds the topology does not use):
/// every process the CLI starts costs half a second of CPU.
extension AWSAccountReader {
    /// `service` or `service operation` -> the kinds whose resources, attributes or
    /// connections that call gives. Calls not listed are always made (the network, tags).
    static let neededBy: [String: Set<KindID>] = [
        "ec2 describe-instances": [.ec2, .autoscalingGroup],
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
        "sqs": [.sqs, .generic, .lambda, .cloudwatchAlarm, .eventBridgeRule, .eventBridgePipe],
        "sns": [.sns, .generic, .lambda, .sqs, .cloudwatchAlarm, .stepFunctions],
        "events": [.eventBridgeBus, .eventBridgeRule, .generic],
        "stepfunctions": [.stepFunctions, .eventBridgeRule, .scheduler],
        "elasticache": [.redis],
        "cognito-idp": [.cognito, .httpAPI, .restAPI],
        "wafv2": [.waf],
        "route53": [.route53],
        "cloudfront": [.cloudfront],
        "kinesis": [.kinesisStream, .firehose, .lambda],
        "efs": [.efs],
        "kms": [.kmsKey],
        "secretsmanager": [.secretsManager],
        "cloudwatch": [.cloudwatchAlarm],
        "autoscaling": [.autoscalingGroup, .cloudwatchAlarm],
        "eks": [.eksCluster, .eksNodegroup],
        "pipes": [.eventBridgePipe], "scheduler": [.scheduler], "elb": [.elbClassic, .autoscalingGroup],
        "firehose": [.firehose], "kafka": [.msk], "mq": [.mq], "opensearch": [.opensearch, .firehose],
        "opensearchserverless": [.opensearch, .firehose], "memorydb": [.memorydb], "appsync": [.appsync], "batch": [.batch],
        "rds": [.rds, .aurora, .documentdb],
    ]

    /// Whether a call is needed for `scope.kinds` (every call is, without a kind list).
    func wanted(_ call: AWSCall) -> Bool {
        guard let kinds = scope.kinds else { return true }
        guard let needers = Self.neededBy["\(call.service) \(call.operation)"] ?? Self.neededBy[call.service] else { return true }
        return needers.contains { kinds.contains($0.rawValue) }
    }
}
