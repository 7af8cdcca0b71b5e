import Foundation
import TopographModel

/// Reading the CLI's answers: what its standard error means, and the page tokens it leaves.
extension AWSCommandLine {
    static let throttlingCodes = [
        "Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded", "Rate exceeded",
        "SlowDown", "RequestThrottled", "ProvisionedThroughputExceededException", "PriorRequestNotComplete",
    ]
    static let credentialCodes = [
        "Unable to locate credentials", "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken",
        "AuthFailure", "SignatureDoesNotMatch", "security token included in the request is invalid", "InvalidAccessKeyId",
        "The config profile", "Error loading SSO Token", "SSO session", "The SSO session", "Token has expired",
        "credential_process", "NoCredentialProviders",
    ]
    static let deniedCodes = [
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess", "not authorized to perform",
        "AuthorizationError", "AuthorizationErrorException", "Forbidden",
    ]
    /// What moto (or an old CLI) says for an operation it does not have.
    static let unsupportedCodes = [
        "Invalid choice", "NotImplemented", "not yet implemented", "has not been implemented", "UnknownOperation",
        "Unknown operation", "(404)", "(501)", "InvalidAction", "is not valid for this web service",
    ]
    static let notFoundCodes = ["NotFound", "NoSuch", "does not exist", "ClusterNotFoundException", "ResourceNotFoundException"]

    static func isThrottling(_ message: String) -> Bool {
        throttlingCodes.contains { message.contains($0) }
    }

    static func classify(_ message: String, call: AWSCall) -> AWSCallFailure {
        let line = lastLine(message)
        if deniedCodes.contains(where: { message.contains($0) }) {
            return .denied(action: deniedAction(message) ?? call.action, message: line)
        }
        if credentialCodes.contains(where: { message.contains($0) }) { return .credentials(line) }
        if unsupportedCodes.contains(where: { message.contains($0) }) { return .unsupported(line) }
        // An HTML error page is not an AWS answer: moto serves one for operations it lacks.
        if message.lowercased().contains("<!doctype html") { return .unsupported("the endpoint answered with an HTML error page") }
        if notFoundCodes.contains(where: { message.contains($0) }) { return .notFound(line) }
        return .failed(line.isEmpty ? "exited without a message" : line)
    }

    /// `... is not authorized to perform: ec2:DescribeVpcs because ...` -> `ec2:DescribeVpcs`.
    static func deniedAction(_ message: String) -> String? {
        guard let range = message.range(of: "to perform: ") else { return nil }
        let action = message[range.upperBound...].prefix { !$0.isWhitespace && $0 != "," && $0 != ";" }
        return action.contains(":") ? String(action) : nil
    }

    static func lastLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty } ?? ""
    }

    /// Tokens the CLI leaves when it does not paginate an operation itself, and the option
    /// that passes them back.
    static let pageTokens: [(key: String, option: String)] = [
        ("NextToken", "--next-token"), ("nextToken", "--next-token"), ("NextMarker", "--marker"), ("position", "--position"),
    ]

    static func nextPage(_ page: AWSJSON) -> (String, String)? {
        for (key, option) in pageTokens {
            if let token = page[key].string, !token.isEmpty { return (option, token) }
        }
        return nil
    }

    static func replacing(_ option: String, with value: String, in arguments: [String]) -> [String] {
        var result: [String] = []
        var skip = false
        for argument in arguments {
            if skip { skip = false; continue }
            if argument == option { skip = true; continue }
            result.append(argument)
        }
        return result + [option, value]
    }

    /// Pages of one answer: lists concatenate, everything else keeps the first page's value.
    static func merge(_ first: AWSJSON, _ next: AWSJSON) -> AWSJSON {
        var object = first.object
        for (key, value) in next.object {
            if case .array(let more) = value, case .array(let have)? = object[key] {
                object[key] = .array(have + more)
            } else if object[key] == nil {
                object[key] = value
            }
        }
        for (key, _) in pageTokens { object[key] = nil }
        return .object(object)
    }
}

/// Why `import aws` (or `drift --against aws`) cannot read the account: each case says
/// what to do about it. The CLI maps these to exit status 2.
package enum AWSAccountError: TopographError {
    package var code: TopographErrorCode { .awsAccount }

    case cliMissing(String)
    case credentialsRefused(String)
    case denied([(call: String, action: String)])
    case failed(call: String, message: String)

    package var description: String {
        switch self {
        case .cliMissing(let name):
            return "the AWS CLI (`\(name)`) is not installed or not on PATH: install AWS CLI v2 "
                + "(https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html) or set TOPOGRAPH_AWS_CLI to its path"
        case .credentialsRefused(let message):
            return "the AWS CLI has no usable credentials: \(message)\n"
                + "  help: run `aws sts get-caller-identity` with the same --profile/--region to see which credentials it finds (`aws sso login`, `aws configure`)"
        case .denied(let calls):
            let actions = Array(Set(calls.map(\.action))).sorted()
            let first = calls.prefix(5).map { "\($0.call) needs \($0.action)" }.joined(separator: "; ")
            return "the credentials may not read \(actions.count == 1 ? "one thing" : "\(actions.count) things") the import needs: \(first)\n"
                + "  help: grant the read-only actions \(actions.joined(separator: ", ")) (Docs/import.md has the whole policy to paste)"
        case .failed(let call, let message):
            return "\(call) failed: \(message)"
        }
    }
}
