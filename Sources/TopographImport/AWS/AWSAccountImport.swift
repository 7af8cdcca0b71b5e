import Foundation
import TopographModel
import TopographInput

/// The whole of `topograph import aws` (and the account side of `drift --against aws`):
/// read the account through the AWS CLI, narrow it to the scope, map it with the importer
/// every source shares, and write YAML the loader accepts.
package struct AWSAccountImport: Sendable {
    package var options: AWSCommandLine.Options
    package var scope: AWSScope
    package var name: String?
    package var progress: (@Sendable (String) -> Void)?

    package init(options: AWSCommandLine.Options, scope: AWSScope = AWSScope(), name: String? = nil, progress: (@Sendable (String) -> Void)? = nil) {
        self.options = options
        self.scope = scope
        self.name = name
        self.progress = progress
    }

    /// What the account holds in scope, in the importer's vocabulary; with the calls made
    /// and the operations the endpoint lacks.
    package func model() throws -> (model: IaCModel, calls: Int, processes: Int, unsupported: [String]) {
        let cli = try AWSCommandLine(options)
        let reader = AWSAccountReader(cli: cli, scope: scope, progress: progress)
        var model = try reader.read()
        if let vpc = scope.vpc, !model.resources.contains(where: { $0.key == vpc && $0.type == "AWS::EC2::VPC" }) {
            throw AWSAccountError.failed(call: "aws ec2 describe-vpcs", message: "no VPC \(vpc) in \(model.region ?? "the region") (--vpc takes an id such as vpc-0abc123)")
        }
        model = AWSScopeFilter.apply(scope, to: model)
        return (model, reader.callCount, cli.processes, reader.unsupported)
    }

    package func run(idsFrom topology: StageTopology? = nil) throws -> (result: ImportResult, yaml: String, calls: Int, processes: Int, unsupported: [String]) {
        let (model, calls, processes, unsupported) = try model()
        var result = TopologyImporter().run(model)
        if let topology { result = ResourceMatcher().adopt(ids: topology, into: result) }
        let account = model.sources.first.map { String($0.dropFirst("aws:account/".count)) } ?? ""
        let slug = name ?? TopologyParser.slug("aws-" + account.replacingOccurrences(of: "/", with: "-"))
        var stage = result.topology(name: slug, region: model.region)
        stage.metadata.account = account.split(separator: "/").first.map(String.init)
        var scopeText = model.region.map { "region \($0)" } ?? "the CLI's default region"
        if let vpc = scope.vpc { scopeText += ", VPC \(vpc)" }
        if !scope.tags.isEmpty { scopeText += ", tags " + scope.tags.map(\.description).joined(separator: " ") }
        let header = [
            "\(GeneratedMarker.phrase) import aws (account \(account), \(scopeText)); delete this line once you edit the file, so no later import overwrites it",
            "Imported from the live AWS account through the AWS CLI.",
            "Kinds, nesting, names and the connections the account proves (security-group rules, listeners, integrations,",
            "event sources) are derived; labels, notes, stages and what no API says are yours to add (see Docs/import.md).",
        ]
        let yaml = try TopologyYAMLWriter.yaml(stage, header: header)
        // The output must validate: a failure here is a bug in the importer, reported as such.
        _ = try TopologyLoader().load(text: yaml, file: "<imported topology>")
        return (result, yaml, calls, processes, unsupported)
    }
}
