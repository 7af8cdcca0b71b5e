import Foundation

/// Every operation `import aws` may call, and the read-only IAM policy they need (the one
/// `Docs/import.md` prints; a test keeps the two equal).
package enum AWSPermissions {
    /// Calls whose arguments vary (an ARN, an id): listed once per operation.
    static let detailCalls: [AWSCall] = [
        AWSCall("sts", "get-caller-identity"),
        AWSCall("elbv2", "describe-listeners"), AWSCall("elbv2", "describe-load-balancer-attributes"),
        AWSCall("elbv2", "describe-target-health"), AWSCall("elbv2", "describe-rules"),
        AWSCall("ecs", "describe-clusters"), AWSCall("ecs", "list-services"), AWSCall("ecs", "describe-services"),
        AWSCall("ecs", "describe-task-definition"),
        AWSCall("apigateway", "get-resources"), AWSCall("apigatewayv2", "get-routes"),
        AWSCall("events", "list-rules"), AWSCall("events", "list-targets-by-rule"),
        AWSCall("wafv2", "list-resources-for-web-acl"), AWSCall("route53", "list-resource-record-sets"),
        AWSCall("servicediscovery", "get-service"), AWSCall("eks", "describe-cluster"), AWSCall("eks", "list-nodegroups"), AWSCall("eks", "describe-nodegroup"),
        AWSCall("sqs", "get-queue-attributes"), AWSCall("sns", "get-topic-attributes"), AWSCall("stepfunctions", "describe-state-machine"),
        AWSCall("elb", "describe-load-balancer-attributes"), AWSCall("kinesis", "describe-stream-summary"),
        AWSCall("firehose", "describe-delivery-stream"), AWSCall("efs", "describe-mount-targets"), AWSCall("opensearch", "describe-domains"),
        AWSCall("apigatewayv2", "get-integrations"), AWSCall("apigatewayv2", "get-authorizers"), AWSCall("apigatewayv2", "get-authorizer"),
        AWSCall("apigatewayv2", "get-stages"), AWSCall("apigateway", "get-authorizers"), AWSCall("apigateway", "get-stages"),
        AWSCall("lambda", "list-function-event-invoke-configs"), AWSCall("kms", "get-key-rotation-status"),
    ]

    package static var calls: [AWSCall] { AWSAccountReader.listCalls + detailCalls }

    /// The IAM actions, sorted, each once.
    package static var actions: [String] {
        Array(Set(calls.map(\.action))).sorted()
    }

    /// An identity policy allowing exactly those actions, as JSON to paste.
    package static func policy() -> String {
        let document: [String: Any] = [
            "Version": "2012-10-17",
            "Statement": [["Sid": "TopographImportAWS", "Effect": "Allow", "Action": actions, "Resource": "*"] as [String: Any]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
