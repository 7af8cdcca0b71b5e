import Foundation
import TopographModel

/// Reads whatever mix of infrastructure-as-code files a command is given: CloudFormation
/// templates and `cdk.out` directories, and Terraform plans (JSON with `terraform_version`).
package enum IaCSources {
    /// `allowOutside`: folders besides the project that nested templates may be read from.
    package static func load(_ paths: [String], region: String?, allowOutside: [String] = []) throws -> IaCModel {
        var templates: [String] = []
        var plans: [String] = []
        for path in paths {
            // A FIFO or a device would block the first read (or never end).
            if FileKind.of(path) == .other { throw TopologyInputError([FileKind.refusal(path)]) }
            if isTerraformPlan(path) { plans.append(path) } else { templates.append(path) }
        }
        var model = IaCModel(region: region)
        if !templates.isEmpty { model = try CloudFormationLoader(region: region, containment: ReadContainment(allowOutside: allowOutside)).load(paths: templates) }
        if !plans.isEmpty {
            let plan = try TerraformPlanReader(region: region).load(paths: plans)
            model.resources += IaCKeys.disambiguated(plan.resources, against: Set(model.resources.map(\.key)), prefix: "terraform")
            model.warnings += plan.warnings
            model.placeholders.names.formUnion(plan.placeholders.names)
            model.description = model.description ?? plan.description
        }
        model.sources = paths
        return model
    }

    /// A JSON object whose first KiB names `terraform_version` or `planned_values`.
    static func isTerraformPlan(_ path: String) -> Bool {
        // `readData(ofLength:)` traps on a folder (a cdk.out): only regular files are opened,
        // and through the throwing read.
        guard FileKind.of(path) == .regular, let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 4096) else { return false }
        let head = String(decoding: data, as: UTF8.self)
        return head.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{")
            && (head.contains("\"terraform_version\"") || head.contains("\"planned_values\"") || head.contains("\"format_version\""))
            && !head.contains("\"Resources\"") && !head.contains("\"AWSTemplateFormatVersion\"")
    }
}
