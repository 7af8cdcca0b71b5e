import Yams
import TopographModel

/// One `drift:` entry of `topograph.yml`: `generate` and `check` run `topograph drift` for it.
///
///     drift:
///       - topology: docs/architecture/shop.yaml
///         against: [infra/shop.yaml]
///         stage: V2            # optional; default the last stage
package struct DocsDriftEntry: Sendable, Equatable {
    package var topology: String
    package var against: [String]
    package var stage: String?
    package var location: SourceLocation

    static func read(_ node: Node, file: String, bag: inout DiagnosticBag) -> [DocsDriftEntry] {
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        let help = "write `drift: [{ topology: docs/arch.yaml, against: [infra/stack.yaml] }]`"
        guard case .sequence(let sequence) = node else {
            bag.error(.invalidType, "`drift` must be a list of { topology, against } entries", at: location(node), help: help)
            return []
        }
        var entries: [DocsDriftEntry] = []
        for item in sequence {
            guard case .mapping(let mapping) = item else {
                bag.error(.invalidType, "a `drift` entry must be a mapping", at: location(item), help: help)
                continue
            }
            var topology: String?
            var against: [String] = []
            var stage: String?
            for (key, value) in mapping {
                let name = key.scalar?.string ?? "?"
                switch name {
                case "topology": topology = value.scalar?.string
                case "stage": stage = value.scalar?.string
                case "against":
                    if let single = value.scalar?.string { against = [single] } else { against = value.sequence?.compactMap(\.scalar?.string) ?? [] }
                default:
                    bag.error(.unknownKey, "unknown key '\(name)' in a `drift` entry", at: location(key),
                              help: Suggestions.didYouMean(name, in: ["topology", "against", "stage"]) ?? "keys are topology, against and stage")
                }
            }
            guard let topology, !against.isEmpty else {
                bag.error(.missingKey, "a `drift` entry needs `topology` and `against`", at: location(item), help: help)
                continue
            }
            entries.append(DocsDriftEntry(topology: topology, against: against, stage: stage, location: location(item)))
        }
        return entries
    }
}
