import TopographModel
import TopographInput
import TopographDiff
import Foundation

/// The whole of `topograph import`: read templates (or a plan), map them, optionally take
/// the ids of an existing topology, and write YAML that is checked by the same loader every
/// command uses before anyone sees it.
package struct TopologyImport: Sendable {
    package enum Source: String, Sendable {
        case cloudFormation = "cloudformation"
        case terraform
    }

    package var source: Source
    package var region: String?
    package var name: String?
    package var effectiveDefaults = false
    /// Folders besides the project that nested templates may be read from (`ReadContainment`).
    package var allowOutside: [String] = []

    package init(source: Source, region: String? = nil, name: String? = nil) {
        self.source = source
        self.region = region
        self.name = name
    }

    package func model(_ paths: [String]) throws -> IaCModel {
        switch source {
        case .cloudFormation: try CloudFormationLoader(region: region, containment: ReadContainment(allowOutside: allowOutside)).load(paths: paths)
        case .terraform: try TerraformPlanReader(region: region).load(paths: paths)
        }
    }

    package func run(_ paths: [String], idsFrom topology: StageTopology? = nil) throws -> (result: ImportResult, yaml: String) {
        var result = TopologyImporter(effectiveDefaults: effectiveDefaults).run(try model(paths))
        if let topology { result = ResourceMatcher().adopt(ids: topology, into: result) }
        result = ImportValueCheck.apply(result, region: region)
        let slug = name ?? Self.defaultName(paths.first ?? "imported")
        let stage = result.topology(name: slug, region: region)
        let header = [
            "\(GeneratedMarker.phrase) import from \(paths.joined(separator: ", ")); delete this line once you edit the file, so no later import overwrites it",
            "Imported from the \(source == .cloudFormation ? "CloudFormation template" : "Terraform plan")\(paths.count == 1 ? "" : "s") \(paths.joined(separator: ", ")).",
            "Kinds, nesting, names and the connections the \(source == .cloudFormation ? "template" : "plan") proves are derived; labels, notes, stages",
            "and what no template can say are yours to add (see Docs/import.md).",
        ]
        let yaml = try TopologyYAMLWriter.yaml(stage, header: header)
        // The output must validate: a failure here is a bug in the importer, reported as such.
        _ = try TopologyLoader().load(text: yaml, file: "<imported topology>")
        return (result, yaml)
    }

    /// `templates/session-store.yaml` -> `session-store`, `cdk.out/App.template.json` -> `app`.
    package static func defaultName(_ path: String) -> String {
        var base = URL(fileURLWithPath: path).lastPathComponent
        for suffix in [".json", ".yaml", ".yml", ".template", ".tfplan", ".plan"] where base.lowercased().hasSuffix(suffix) {
            base = String(base.dropLast(suffix.count))
        }
        if base == "cdk.out" || base.isEmpty { base = "imported" }
        return TopologyParser.slug(ImportBuilder.slug(base))
    }
}
