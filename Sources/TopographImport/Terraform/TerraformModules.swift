import TopographModel

/// Modules called with `count` or `for_each`: the plan addresses their resources by
/// instance (`module.autoscaling["ex_1"].aws_autoscaling_group.this[0]`), its configuration
/// by module (`module.autoscaling.`). Lookups in the configuration drop the instance keys;
/// resolution keeps them, so a reference inside one instance names that instance's resources.
extension TerraformPlanReader {
    /// `module.a["x"].module.b[0].` -> `module.a.module.b.`
    static func moduleKey(_ path: String) -> String {
        guard path.contains("[") else { return path }
        var result = ""
        var depth = 0
        var quoted = false
        for character in path {
            switch character {
            case "\"" where depth > 0: quoted.toggle()
            case "[" where !quoted: depth += 1
            case "]" where !quoted: depth -= 1
            default: if depth == 0 { result.append(character) }
            }
        }
        return result
    }

    /// The planned instances of the child module a reference names: `module.a["x"].` when the
    /// reference picks one, else every instance of `module.a` (or `module.a.` itself).
    func moduleInstances(_ name: String, in module: String) -> [String] {
        let path = module + "module.\(name)."
        if name.contains("[") { return [path] }
        let prefix = module + "module.\(name)["
        var found: [String] = []
        for addresses in instances.values {
            for address in addresses where address.hasPrefix(prefix) {
                let rest = address.dropFirst(prefix.count)
                guard let close = rest.range(of: "].") else { continue }
                let instance = prefix + rest[..<close.lowerBound] + "]."
                if !found.contains(instance) { found.append(instance) }
            }
        }
        return found.isEmpty ? [path] : found.sorted()
    }
}
