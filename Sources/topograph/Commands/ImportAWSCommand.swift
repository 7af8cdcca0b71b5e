import ArgumentParser
import Foundation
import TopographCore

struct ImportAWSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aws",
        abstract: "Import the live AWS account, read through the AWS CLI (`aws`, v2 or v1).",
        discussion: """
            Reads the region (or one VPC, or what carries the given tags) with read-only calls \
            (`aws ... --output json`), so profiles, SSO, credential_process and --endpoint-url \
            work as in the CLI. The CLI is `aws` on PATH, or $TOPOGRAPH_AWS_CLI. Exit 2 when the \
            CLI is missing, the credentials are refused or a call is denied (the message names \
            the IAM actions; Docs/import.md has the read-only policy to paste).

            Examples:
              topograph import aws --region eu-west-1 -o docs/architecture.yaml
              topograph import aws --profile prod --vpc vpc-0abc123 --ids-from docs/architecture.yaml
              topograph import aws --tag app=shop --tag env=prod
              topograph import aws --endpoint-url http://127.0.0.1:5000 --region us-east-1
            """)

    @OptionGroup var options: ImportOptions
    @OptionGroup var account: AWSAccountOptions

    @Flag(help: "Print the read-only IAM policy the import needs (JSON) and exit.")
    var printPolicy = false

    func run() throws {
        if printPolicy {
            print(AWSPermissions.policy())
            return
        }
        let reference = try options.referenceTopology()
        let importer = AWSAccountImport(
            options: try account.cliOptions(region: options.region ?? reference?.metadata.region), scope: try account.scope(),
            name: options.name ?? reference?.metadata.name, progress: AWSAccountOptions.progress(quiet: options.quiet))
        let (result, yaml, calls, processes, unsupported) = try importer.run(idsFrom: reference)
        if !options.quiet {
            var line = "import aws: \(calls) AWS CLI calls in \(processes) CLI process\(processes == 1 ? "" : "es")"
            if !unsupported.isEmpty { line += "; not available at this endpoint: \(unsupported.joined(separator: ", "))" }
            StandardStream.error(line + "\n")
        }
        try options.finish(result, yaml, reference: reference)
    }
}
