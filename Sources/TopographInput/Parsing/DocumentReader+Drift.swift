import TopographModel
import Yams

/// `drift: { ignore: [...] }` (extension): differences from the templates a team accepts.
extension DocumentReader {
    mutating func readDriftSettings(_ node: Node) -> [DriftIgnore] {
        guard case .mapping(let mapping) = node else {
            bag.error(.notAMapping, "`drift` must be a mapping, found \(describe(node))", at: location(node), help: "write `drift: { ignore: [web.desired, \"alb -> web\"] }`")
            return []
        }
        let entries = keyedEntries(mapping, allowed: ["ignore"], context: "key of `drift`", help: "`drift` holds `ignore: [...]`")
        guard let (_, ignoreNode) = entries["ignore"] else { return [] }
        guard case .sequence(let sequence) = ignoreNode else {
            bag.error(.notAList, "`drift.ignore` must be a list", at: location(ignoreNode), help: "write `ignore: [web.desired, \"alb -> web\", ExtraQueue]`")
            return []
        }
        var ignores: [DriftIgnore] = []
        for item in sequence {
            guard let entry = scalarString(item, "ignore") else { continue }
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                bag.error(.invalidDriftIgnore, "an empty `drift.ignore` entry", at: location(item), help: "name a resource id, `id.attribute`, `from -> to` or a template logical id")
                continue
            }
            ignores.append(DriftIgnore(entry: trimmed, location: location(item)))
        }
        return ignores
    }
}
