import ArgumentParser
import Foundation
import TopographCore

extension DriftFormat: ExpressibleByArgument {}

struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Check that the documented architecture is what the templates deploy (for docs CI).",
        discussion: """
            Imports the templates (CloudFormation files, cdk.out directories, or Terraform plans \
            from `terraform show -json`), or reads the live account (`--against aws`, through \
            the AWS CLI, with the options of `import aws`), pairs their resources with the topology's, and reports \
            what the topology declares that the templates contradict: documented resources \
            missing, undocumented resources of documented kinds, placement (a database in other \
            subnets), attributes (authorizers, cross-zone, TLS, listeners, ...) and connections \
            the security groups do not admit. What the topology does not declare never counts. \
            Accepted differences go in the topology's `drift: { ignore: [...] }`.

            Exit codes: 0 no drift, 1 drift, 2 usage or input error.

            Examples:
              topograph drift docs/architecture.yaml --against infra/stack.yaml
              topograph drift docs/architecture.yaml --against cdk.out --format github
              topograph drift docs/architecture.yaml --against plan.json --stage V2 --format markdown
              topograph drift docs/architecture.yaml --against aws --profile prod --format github
            """)

    @Argument(help: ArgumentHelp("The topology file.", valueName: "topology"))
    var topology: String

    @Option(parsing: .upToNextOption, help: ArgumentHelp("CloudFormation templates, cdk.out directories or Terraform plan JSON files; or `aws`, the live account (a file named aws: ./aws).", valueName: "template"))
    var against: [String] = []

    @OptionGroup var stage: StageOption<DriftWording>

    @Option(help: "Output format: text, json, markdown (a PR comment) or github (workflow annotations).")
    var format: DriftFormat = .text

    @Option(help: ArgumentHelp("The region the templates deploy to. Default: the topology's `region`.", valueName: "region"))
    var region: String?

    @OptionGroup(title: "The live account (--against aws)") var account: AWSAccountOptions

    var againstAccount: Bool { against == ["aws"] }

    @OptionGroup var template: TemplateOptions

    func validate() throws {
        if against.isEmpty { throw ValidationError("give the templates to compare with: --against TEMPLATE... (or --against aws)") }
        if against.count > 1 && against.contains("aws") { throw ValidationError("--against aws reads the account; compare it on its own, not with templates (a file named aws: ./aws)") }
        if !againstAccount && account.given { throw ValidationError("--profile, --endpoint-url, --vpc and --tag go with --against aws") }
    }

    func run() throws {
        let loaded = try InputLoading.load(topology)
        let selected = try stage.select(loaded)
        let region = region ?? loaded.metadata.region
        var model: IaCModel
        if againstAccount {
            var scope = try account.scope()
            scope.kinds = Set(selected.resources.map(\.kind.rawValue))
            model = try AWSAccountImport(options: account.cliOptions(region: region), scope: scope, progress: AWSAccountOptions.progress(quiet: false)).model().model
        } else {
            model = try IaCSources.load(
                against, region: region, allowOutside: template.allowOutside, parameters: try template.parameterValues(), stackNames: try template.stackNames(), placeholderStackNames: true)
        }
        DiagnosticPrinter.standardError.print(model.warnings)
        let report = DriftChecker().check(loaded, stage: selected, model: model)
        print(DriftRenderer.render(report, format: format), terminator: "")
        if report.hasDrift { throw TopographFailure.findings() }
    }
}

/// `drift`'s words for the shared options.
enum DriftWording: StageWording {
    static let stage = "Compare this stage (default: the last one, the architecture as it ends up)."
}
