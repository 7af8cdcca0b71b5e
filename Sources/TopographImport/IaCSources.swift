import Foundation
import TopographModel

/// Reads whatever mix of infrastructure-as-code files a command is given: CloudFormation
/// templates and `cdk.out` directories, and Terraform plans (JSON with `terraform_version`).
package enum IaCSources {
    package static func load(
        _ paths: [String], region: String?, parameters: [String: String] = [:], stackNames: [String: String] = [:], placeholderStackNames: Bool = false
    ) throws -> IaCModel {
        var templates: [String] = []
        var plans: [String] = []
        for path in paths {
            if isTerraformPlan(path) { plans.append(path) } else { templates.append(path) }
        }
        var model = IaCModel(region: region)
        if !templates.isEmpty {
            let loader = CloudFormationLoader(region: region)
            loader.parameterOverrides = parameters
            loader.stackNames = stackNames
            loader.unnamedStackIsPlaceholder = placeholderStackNames
            model = try loader.load(paths: templates)
        }
        if !plans.isEmpty {
            let plan = try TerraformPlanReader(region: region).load(paths: plans)
            model.resources += plan.resources
            model.warnings += plan.warnings
            model.description = model.description ?? plan.description
        }
        model.sources = paths
        return model
    }

    /// A JSON object whose first KiB names `terraform_version` or `planned_values`.
    static func isTerraformPlan(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        return head.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{")
            && (head.contains("\"terraform_version\"") || head.contains("\"planned_values\"") || head.contains("\"format_version\""))
            && !head.contains("\"Resources\"") && !head.contains("\"AWSTemplateFormatVersion\"")
    }
}
