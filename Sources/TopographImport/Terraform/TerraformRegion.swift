import TopographModel
import Yams

/// The region a plan deploys to, when `--region` does not say: the AWS provider's `region`
/// (a literal, or a root variable's value), else the region of the zones its subnets are in
/// when they all agree. Locals are not in a plan's JSON, so a region from `local.region` is
/// found through the zones.
extension TerraformPlanReader {
    func regionOfPlan(_ root: Node, resources: [IaCResource]) -> String? {
        let expression = root.field("configuration")?.field("provider_config")?.field("aws")?.field("expressions")?.field("region")
        if let constant = expression?.field("constant_value")?.scalar?.string { return constant }
        for reference in expression?.field("references")?.sequence?.compactMap(\.scalar?.string) ?? [] where reference.hasPrefix("var.") {
            if let value = root.field("variables")?.field(String(reference.dropFirst(4)))?.field("value")?.scalar?.string { return value }
        }
        let zones = Set(resources.compactMap { $0["AvailabilityZone"]?.literal }.filter { $0.last?.isLetter == true })
        let regions = Set(zones.map { String($0.dropLast()) })
        return regions.count == 1 ? regions.first : nil
    }

    /// Arguments the plan cannot resolve because they go through a module's `locals` (which
    /// `terraform show -json` leaves out): a `vpc_id` is the module's only VPC, a launch template id its only launch template.
    static let localFallbacks: [String: String] = ["vpc_id": "aws_vpc", "launch_template.id": "aws_launch_template"]

    func onlyInstance(of type: String, in module: String) -> String? {
        let found = instances.filter { base, _ in
            base.hasPrefix(module + type + ".") && !base.dropFirst(module.count).contains("module.")
        }.flatMap(\.value)
        return found.count == 1 ? found[0] : nil
    }
}
