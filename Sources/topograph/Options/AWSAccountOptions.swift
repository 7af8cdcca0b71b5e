import ArgumentParser
import Foundation
import TopographCore

/// How to reach the account (`import aws`, `drift --against aws`): the AWS CLI's own
/// options, passed through, and the scope.
struct AWSAccountOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The AWS CLI profile (SSO, credential_process and assumed roles work as in the CLI).", valueName: "profile"))
    var profile: String?

    @Option(help: ArgumentHelp("Send every call to this endpoint (moto_server, LocalStack).", valueName: "url"))
    var endpointURL: String?

    @Option(help: ArgumentHelp("Read only this VPC, and what has no VPC but connects to it.", valueName: "vpc-id"))
    var vpc: String?

    @Option(help: ArgumentHelp("Read only resources carrying this tag (repeatable: all must match), with their VPC and subnets.", valueName: "key=value"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("Calls run at once.", valueName: "n"))
    var parallel = 6

    @Flag(help: "Start the AWS CLI once per call, instead of a few CLI processes that serve every call (slower; what happens anyway when `aws` is not a Python script).")
    var processPerCall = false

    var given: Bool { profile != nil || endpointURL != nil || vpc != nil || !tag.isEmpty }

    func scope() throws -> AWSScope {
        let tags = try tag.map { argument -> AWSTag in
            guard let parsed = AWSTag(argument: argument) else {
                throw TopographFailure.input("--tag '\(argument)' is not KEY=VALUE (for example --tag app=shop)")
            }
            return parsed
        }
        return AWSScope(vpc: vpc, tags: tags)
    }

    func cliOptions(region: String?) throws -> AWSCommandLine.Options {
        guard (1...32).contains(parallel) else { throw TopographFailure.input("--parallel takes 1 to 32 (got \(parallel))") }
        var options = AWSCommandLine.Options(region: region, profile: profile, endpointURL: endpointURL)
        options.parallelism = parallel
        options.processPerCall = processPerCall
        return options
    }

    /// Progress on standard error: the import makes dozens of CLI calls.
    static func progress(quiet: Bool) -> (@Sendable (String) -> Void)? {
        if quiet { return nil }
        return { @Sendable (message: String) in StandardStream.error("import aws: \(message)\n") }
    }
}
