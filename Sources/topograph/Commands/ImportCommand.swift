import ArgumentParser
import Foundation
import TopographCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a first topology from infrastructure as code (CloudFormation, Terraform plans) or the live AWS account.",
        discussion: """
            Kinds come from the kind catalog's type table, nesting from the properties that place \
            a resource (VpcId, SubnetId(s), subnet groups, AvailabilityZone, ECS network \
            configuration), connections only from properties that prove traffic (security-group \
            ingress, listeners and target groups, API integrations and VPC links, event sources). \
            Standard error lists, per resource type, what was folded into other resources or \
            skipped, and why. See Docs/import.md.
            """,
        subcommands: [ImportCloudFormationCommand.self, ImportTerraformCommand.self, ImportAWSCommand.self])
}

/// What both import subcommands take.
struct ImportOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the topology to this file (atomically; an existing file must be one topograph generated, or pass --force). Default: standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The topology's `name:` (a lowercase slug). Default: from the first file name.", valueName: "slug"))
    var name: String?

    @Option(help: ArgumentHelp("The region the templates deploy to: fills ${AWS::Region} and names zones picked with !GetAZs.", valueName: "region"))
    var region: String?

    @Option(help: ArgumentHelp("Reuse the ids of this topology for the resources it documents (paired as `drift` pairs them).", valueName: "topology"))
    var idsFrom: String?


    @Flag(help: "Overwrite an output file topograph did not generate.")
    var force = false

    @Flag(name: .shortAndLong, help: "Do not print the per-type summary on standard error.")
    var quiet = false

    /// `template`: what the CloudFormation templates leave to the deployment (a plan has settled it).
    func run(_ source: TopologyImport.Source, _ paths: [String], template: TemplateOptions? = nil, strict: Bool = false) throws {
        let reference = try referenceTopology()
        var importer = TopologyImport(source: source, region: region ?? reference?.metadata.region, name: name ?? reference?.metadata.name)
        if let template {
            importer.allowOutside = template.allowOutside
            importer.parameters = try template.parameterValues()
            importer.stackNames = try template.stackNames()
        }
        let (result, yaml) = try importer.run(paths, idsFrom: reference)
        try finish(result, yaml, reference: reference, strict: strict)
    }

    /// The `--ids-from` topology (its last stage), after checking `--name`.
    func referenceTopology() throws -> StageTopology? {
        if let name, !TopologyParser.isValidID(name) {
            throw TopographFailure.input("--name '\(name)' is not a lowercase slug (letters, digits, '-', starting with a letter)")
        }
        return try idsFrom.map { try InputLoading.load($0).selectStages(nil)[0] }
    }

    /// The summary, the comparison with `--ids-from`, and the output.
    func finish(_ result: ImportResult, _ yaml: String, reference: StageTopology?, strict: Bool = false) throws {
        if !quiet { ImportSummary.print(result) }
        if let reference, let idsFrom {
            let comparison = ImportComparison(documented: reference, imported: result.topology(name: reference.metadata.name))
            StandardStream.error("compared with \(idsFrom) (stage \(reference.stage.name)): \(comparison.summary)\n")
        }
        if let output {
            try OutputWriter(overwriteUnmarked: force).write(yaml, to: output)
            if !quiet { StandardStream.error("wrote \(output)\n") }
        } else {
            print(yaml, terminator: "")
        }
        if strict, result.model.incomplete {
            throw TopographFailure.findings("import: incomplete (--strict): nested stacks whose template is not on disk were not imported")
        }
    }
}

struct ImportCloudFormationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cloudformation",
        abstract: "Import CloudFormation templates (YAML or JSON), their nested stacks, or cdk.out directories.",
        discussion: """
            Examples:
              topograph import cloudformation stack.yaml -o docs/architecture.yaml
              topograph import cloudformation cdk.out --region eu-west-1
              topograph import cloudformation network.yaml app.yaml --ids-from docs/architecture.yaml
            """)

    @Argument(help: ArgumentHelp("Templates (.yaml, .yml, .json, .template) or cdk.out directories.", valueName: "template"))
    var templates: [String]

    @OptionGroup var options: ImportOptions

    @OptionGroup(title: "Template options") var template: TemplateOptions

    @Flag(help: "Exit 1 when part of what the templates deploy could not be read (a nested stack whose template is only on S3).")
    var strict = false

    func run() throws { try options.run(.cloudFormation, templates, template: template, strict: strict) }
}

struct ImportTerraformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terraform",
        abstract: "Import a Terraform plan in `terraform show -json` form.",
        discussion: """
            Examples:
              terraform plan -out plan.bin && terraform show -json plan.bin > plan.json
              topograph import terraform plan.json -o docs/architecture.yaml
            """)

    @Argument(help: ArgumentHelp("The JSON of `terraform show -json PLANFILE`.", valueName: "plan.json"))
    var plan: String

    @OptionGroup var options: ImportOptions

    func run() throws { try options.run(.terraform, [plan]) }
}

/// The stderr summary: warnings with positions, then per resource type what became of it.
enum ImportSummary {
    static func print(_ result: ImportResult) {
        let printer = DiagnosticPrinter.standardError
        printer.print(result.model.warnings)
        if !result.model.notDeployed.isEmpty {
            printer.printNote("import: \(result.model.notDeployed.count) resources not deployed with these parameters (their Condition is false): \(result.model.notDeployed.prefix(8).joined(separator: ", "))\(result.model.notDeployed.count > 8 ? ", ..." : "")")
        }
        let total = result.model.resources.count
        let drawn = result.sourceByID.count
        printer.printNote("import: \(total) template resources: \(drawn) became resources, \(result.connections.count) connections; \(total - drawn) folded or skipped:")
        for note in result.notes {
            printer.printNote("  \(note.type) x\(note.count): \(note.outcome.rawValue): \(note.reason) (first at \(note.location))")
        }
    }
}
