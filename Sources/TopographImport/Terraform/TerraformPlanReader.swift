import Foundation
import TopographModel
import TopographInput
import Yams

/// Reads `terraform show -json PLANFILE` output: the planned resources
/// (`planned_values.root_module`, child modules included) for their literal values, and
/// `configuration` for what each argument references (values that are only known after
/// apply, such as the id of a subnet to be created, appear there as references). Read with
/// Yams (JSON is YAML), so every position is known; translated to CloudFormation's
/// vocabulary by `TerraformMapping`.
package final class TerraformPlanReader {
    let limits: InputLimits
    let region: String?
    var warnings = DiagnosticBag()
    /// Module path ("" or "module.network.") + "type.name" -> the configuration block.
    var configuration: [String: Node] = [:]
    /// Module path -> (call arguments in the parent, the parent's path, the module's outputs).
    var modules: [String: (arguments: Node?, parent: String, outputs: Node?)] = [:]
    /// Base addresses (without index) -> planned instance keys.
    var instances: [String: [String]] = [:]
    /// The instance being translated (`[0]`, `["blue"]`): `x[count.index]` and `x[each.key]`
    /// in its arguments mean the instance of `x` with the same index.
    var currentIndex: String?
    /// Module references already followed, and cycles among them (`TerraformModuleGuard`).
    let bounds = ResolutionGuard()
    var moduleMemo: [String: [String]] = [:]
    var currentPath = ""
    /// The region the plan itself says (provider, or its subnets' zones).
    var planRegion: String?

    package init(limits: InputLimits = .default, region: String? = nil) {
        self.limits = limits
        self.region = region
    }

    package func load(paths: [String]) throws -> IaCModel {
        var resources: [IaCResource] = []
        for path in paths {
            let plan = try read(path)
            try bounds.check()
            let stem = PathText.name(path).split(separator: ".").first.map(String.init) ?? "plan"
            let placed = IaCKeys.disambiguated(plan, against: Set(resources.map(\.key)), prefix: stem)
            if let first = placed.first, first.key != plan.first?.key {
                warnings.warning(.duplicateLogicalID, "\(path) plans resources at addresses another plan uses; they are imported as \(first.key), ...", at: first.location,
                                 help: "import the plans one at a time for ids without the file name")
            }
            resources += placed
        }
        return IaCModel(resources: resources, sources: paths, warnings: warnings.sorted, region: region ?? planRegion)
    }

    func read(_ path: String) throws -> [IaCResource] {
        let root = try CloudFormationLoader.compose(path: path, display: path, limits: limits).node
        func location(_ node: Node?) -> SourceLocation { SourceLocation(file: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1) }
        guard case .mapping = root, root.field("planned_values") != nil || root.field("configuration") != nil else {
            throw TopologyInputError([Diagnostic(.error, code: .notAPlan, "\(path): not the JSON of `terraform show -json` (no `planned_values`)", at: location(root),
                                                 help: "run `terraform plan -out plan.bin && terraform show -json plan.bin > plan.json`")])
        }
        // Format 0.x (Terraform 0.12 to 0.15) has the same `planned_values` and `configuration`.
        if let version = root.field("format_version")?.scalar?.string, !(version.hasPrefix("1.") || version == "1" || version.hasPrefix("0.")) {
            throw TopologyInputError([Diagnostic(.error, code: .unsupportedVersion, "\(path): plan format \(version); this Topograph reads formats 0.x and 1.x (Terraform 0.12 to 1.x)", at: location(root.field("format_version")), help: "write the plan with Terraform 0.12 or later, up to 1.x: `terraform show -json plan.bin`")])
        }
        configuration = [:]
        modules = [:]
        instances = [:]
        moduleMemo = [:]
        currentPath = path
        if let module = root.field("configuration")?.field("root_module") { readConfiguration(module, path: "") }
        var planned: [(Node, String)] = []
        if let module = root.field("planned_values")?.field("root_module") { collect(module, into: &planned) }
        for (node, _) in planned {
            guard let address = node.field("address")?.scalar?.string else { continue }
            instances[Self.base(address), default: []].append(address)
        }
        var result: [IaCResource] = []
        for (node, modulePath) in planned {
            guard node.field("mode")?.scalar?.string ?? "managed" == "managed",
                  let address = node.field("address")?.scalar?.string, let type = node.field("type")?.scalar?.string else { continue }
            let name = node.field("name")?.scalar?.string ?? address
            let index = node.field("index")?.scalar?.string
            currentIndex = address.hasSuffix("]") ? address.lastIndex(of: "[").map { String(address[$0...]) } : nil
            let expressions = configuration[Self.moduleKey(modulePath) + type + "." + name]
            var resource = IaCResource(
                key: address, logicalID: address, type: TerraformMapping.table[type]?.type ?? type, properties: [:],
                location: location(node), idHint: Self.idHint(type: type, name: name, index: index), sourceType: type)
            resource.properties = translate(type, values: node.field("values"), expressions: expressions, module: modulePath, self: address)
            result.append(resource)
        }
        let folded = TerraformFolding.fold(result, reader: self)
        planRegion = planRegion ?? regionOfPlan(root, resources: folded)
        return folded
    }

    // MARK: - Modules

    func collect(_ module: Node, into planned: inout [(Node, String)]) {
        let address = module.field("address")?.scalar?.string
        let path = address.map { $0 + "." } ?? ""
        for resource in module.field("resources")?.sequence ?? [] { planned.append((resource, path)) }
        for child in module.field("child_modules")?.sequence ?? [] { collect(child, into: &planned) }
    }

    func readConfiguration(_ module: Node, path: String) {
        for resource in module.field("resources")?.sequence ?? [] {
            guard let address = resource.field("address")?.scalar?.string, let expressions = resource.field("expressions") else { continue }
            configuration[path + address] = expressions
        }
        for (key, call) in module.field("module_calls")?.fields ?? [] {
            guard let name = key.scalar?.string else { continue }
            let childPath = path + "module.\(name)."
            modules[childPath] = (call.field("expressions"), path, call.field("module")?.field("outputs"))
            if let child = call.field("module") { readConfiguration(child, path: childPath) }
        }
    }

    /// `aws_subnet.private[0]` -> `aws_subnet.private`; `module.a.aws_x.y["k"]` -> `module.a.aws_x.y`.
    static func base(_ address: String) -> String {
        guard address.hasSuffix("]"), let open = address.lastIndex(of: "[") else { return address }
        return String(address[..<open])
    }

    /// `this` and `main` say nothing: `aws_nat_gateway.this[0]` reads as `nat-gateway-0`.
    static func idHint(type: String, name: String, index: String?) -> String {
        let base = ["this", "main", "default", "primary"].contains(name) ? String(type.dropFirst("aws_".count)) : name
        return base + (index.map { "-" + $0 } ?? "")
    }

    /// Resource keys an expression's `references` name, through module inputs and outputs.
    func keys(_ references: [String], module: String, depth: Int = 0) -> [String] {
        guard depth < 16 else { return [] }
        let indexed = references.contains("count.index") || references.contains(where: { $0.hasPrefix("each.") })
        var result: [String] = []
        for reference in references {
            let parts = reference.split(separator: ".").map(String.init)
            if parts.first == "var", parts.count >= 2, let call = modules[Self.moduleKey(module)] {
                let argument = call.arguments?.field(Self.stripIndex(parts[1]))
                result += followModule(reference, in: module, at: argument) {
                    keys(argument?.field("references")?.sequence?.compactMap(\.scalar?.string) ?? [], module: call.parent, depth: depth + 1)
                }
            } else if parts.first == "module", parts.count >= 3 {
                for child in moduleInstances(parts[1], in: module) {
                    let expression = modules[Self.moduleKey(child)]?.outputs?.field(parts[2])?.field("expression")
                    // One memo entry per instance: `module.asg` names every `module.asg["x"]`.
                    result += followModule("\(reference) in \(child)", in: module, at: expression) {
                        keys(expression?.field("references")?.sequence?.compactMap(\.scalar?.string) ?? [], module: child, depth: depth + 1)
                    }
                }
            } else if parts.count >= 2, parts[0].hasPrefix("aws_") {
                let address = module + parts[0] + "." + parts[1]
                let exact = address.hasSuffix("]") ? [module + parts[0] + "." + parts[1]] : []
                if let found = instances[Self.base(address)] {
                    if !exact.isEmpty {
                        result += found.filter { $0 == address }
                    } else if indexed, let index = currentIndex, found.contains(address + index) {
                        result.append(address + index)
                    } else {
                        result += found
                    }
                }
            }
        }
        var seen: Set<String> = []
        return result.filter { seen.insert($0).inserted }
    }

    static func stripIndex(_ text: String) -> String {
        text.firstIndex(of: "[").map { String(text[..<$0]) } ?? text
    }
}
