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
            from `terraform show -json`), pairs their resources with the topology's, and reports \
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
            """)

    @Argument(help: ArgumentHelp("The topology file.", valueName: "topology"))
    var topology: String

    @Option(parsing: .upToNextOption, help: ArgumentHelp("CloudFormation templates, cdk.out directories or Terraform plan JSON files.", valueName: "template"))
    var against: [String] = []

    @Option(help: "Compare this stage (default: the last one, the architecture as it ends up).")
    var stage: String?

    @Option(help: "Output format: text, json, markdown (a PR comment) or github (workflow annotations).")
    var format: DriftFormat = .text

    @Option(help: ArgumentHelp("The region the templates deploy to. Default: the topology's `region`.", valueName: "region"))
    var region: String?

    @Option(name: .customLong("allow-outside"), help: ArgumentHelp("Also read nested templates and assembly entries from this folder (by default only inside the git repository holding the template, else the working directory; repeatable).", valueName: "path"))
    var allowOutside: [String] = []

    func validate() throws {
        if against.isEmpty { throw ValidationError("give the templates to compare with: --against TEMPLATE...") }
    }

    func run() throws {
        let loaded = try InputLoading.load(topology)
        let selected = try InputLoading.select(loaded, stage: stage, all: false)[0]
        let model = try IaCSources.load(against, region: region ?? loaded.metadata.region, allowOutside: allowOutside)
        DiagnosticPrinter.standardError.print(model.warnings)
        let report = DriftChecker().check(loaded, stage: selected, model: model)
        print(DriftRenderer.render(report, format: format), terminator: "")
        if report.hasDrift { throw CommandFailure.findings() }
    }
}
