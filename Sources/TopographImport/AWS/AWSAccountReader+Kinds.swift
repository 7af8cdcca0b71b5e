/// Which account-wide lists each kind needs, so `drift --against aws` reads only what the
/// topology can be compared with (drift never counts kinds the topology does not use):
/// every process the CLI starts costs half a second of CPU.
extension AWSAccountReader {
    /// `service` or `service operation` -> the kinds whose resources, attributes or
    /// connections that call gives. Calls not listed are always made (the network, tags).
    static let neededBy: [String: Set<String>] = [
        "ec2 describe-instances": ["ec2"],
        "ec2 describe-vpc-endpoints": ["vpc-endpoint", "api-gateway-rest"],
        "elbv2": ["alb", "nlb", "ecs-service", "vpc-link", "api-gateway-http", "api-gateway-rest", "route53", "ec2", "lambda"],
        "ecs": ["ecs-cluster", "ecs-service", "autoscaling", "vpc-link", "alb", "nlb"],
        "servicediscovery": ["cloud-map", "ecs-service", "vpc-link", "api-gateway-http"],
        "application-autoscaling": ["autoscaling", "ecs-service"],
        "logs": ["cloudwatch"],
        "ecr": ["ecr"],
        "apigateway": ["api-gateway-rest", "vpc-link", "waf"],
        "apigatewayv2": ["api-gateway-http", "vpc-link"],
        "lambda": ["lambda", "api-gateway-http", "api-gateway-rest", "alb"],
        "dynamodb": ["dynamodb"],
        "s3api": ["s3", "cloudfront"],
        "sqs": ["sqs", "generic", "lambda"],
        "sns": ["sns", "generic", "lambda", "sqs"],
        "events": ["eventbridge-bus", "eventbridge-rule", "generic"],
        "rds": ["rds", "aurora"],
        "elasticache": ["elasticache-redis"],
        "cognito-idp": ["cognito", "api-gateway-http", "api-gateway-rest"],
        "wafv2": ["waf"],
        "route53": ["route53"],
        "cloudfront": ["cloudfront"],
        "stepfunctions": ["step-functions"],
        "kinesis": ["kinesis-stream"],
        "efs": ["efs"],
        "kms": ["kms-key"],
        "secretsmanager": ["secrets-manager"],
        "cloudwatch": ["cloudwatch-alarm"],
        "autoscaling": ["autoscaling-group"],
        "eks": ["eks-cluster", "eks-nodegroup"],
    ]

    /// Whether a call is needed for `scope.kinds` (every call is, without a kind list).
    func wanted(_ call: AWSCall) -> Bool {
        guard let kinds = scope.kinds else { return true }
        guard let needers = Self.neededBy["\(call.service) \(call.operation)"] ?? Self.neededBy[call.service] else { return true }
        return !needers.isDisjoint(with: kinds)
    }
}
