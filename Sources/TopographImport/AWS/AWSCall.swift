/// One read-only AWS CLI call: `aws SERVICE OPERATION ARGUMENTS... --output json`.
package struct AWSCall: Sendable, Hashable, CustomStringConvertible {
    package var service: String
    package var operation: String
    package var arguments: [String]

    package init(_ service: String, _ operation: String, _ arguments: [String] = []) {
        self.service = service
        self.operation = operation
        self.arguments = arguments
    }

    /// `aws ec2 describe-vpcs` (arguments left out: they are ARNs and ids, not the point).
    package var description: String { "aws \(service) \(operation)" }

    /// The IAM action the call needs, as a policy names it (`ec2:DescribeVpcs`).
    package var action: String {
        if let exception = Self.actionExceptions["\(service) \(operation)"] { return exception }
        let prefix = Self.iamPrefix[service] ?? service
        if prefix == "apigateway" { return "apigateway:GET" }  // API Gateway authorizes by HTTP verb
        let words = operation.split(separator: "-").map { word in
            Self.acronyms[String(word)] ?? (word.prefix(1).uppercased() + word.dropFirst())
        }
        return prefix + ":" + words.joined()
    }

    /// CLI service names whose IAM prefix differs.
    static let iamPrefix: [String: String] = [
        "elbv2": "elasticloadbalancing", "apigatewayv2": "apigateway", "s3api": "s3",
        "resourcegroupstaggingapi": "tag", "stepfunctions": "states", "efs": "elasticfilesystem",
        "elb": "elasticloadbalancing", "opensearchserverless": "aoss", "opensearch": "es",
    ]
    static let acronyms: [String: String] = ["acl": "ACL", "acls": "ACLs", "db": "DB"]
    /// Operations whose IAM action is not the operation's own name.
    static let actionExceptions: [String: String] = [
        "s3api list-buckets": "s3:ListAllMyBuckets",
        "s3api get-bucket-notification-configuration": "s3:GetBucketNotification",
        "sts get-caller-identity": "sts:GetCallerIdentity",
    ]
}

/// Why a call gave no answer, classified from the CLI's exit status and standard error.
package enum AWSCallFailure: Error, Sendable, Hashable {
    /// The credentials were refused or are missing (the whole import stops).
    case credentials(String)
    /// The credentials work but lack the permission (`ec2:DescribeVpcs`).
    case denied(action: String, message: String)
    /// The endpoint (or this CLI version) does not have the operation; moto lacks some.
    case unsupported(String)
    /// The resource went away between listing and describing it.
    case notFound(String)
    /// Anything else, with the CLI's last line of standard error.
    case failed(String)
}
