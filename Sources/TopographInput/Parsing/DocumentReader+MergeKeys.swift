import TopographModel
import Yams

extension DocumentReader {
    /// A mapping with YAML merge keys applied (`<<: *defaults`, or a list of aliases):
    /// keys written in the mapping win over merged ones, and earlier sources over later
    /// ones, as the YAML merge type says. Anything else after `<<` is reported.
    mutating func merged(_ mapping: Node.Mapping) -> [(Node, Node)] {
        var own: [(Node, Node)] = []
        var inherited: [(Node, Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, scalar.string == "<<", scalar.style == .plain else {
                own.append((key, value))
                continue
            }
            let sources: [Node]
            switch value {
            case .mapping: sources = [value]
            case .sequence(let sequence): sources = Array(sequence)
            default: sources = []
            }
            for source in sources {
                guard case .mapping(let sourceMapping) = source else {
                    bag.error(
                        .invalidMerge, "a merge key `<<` takes a mapping or a list of mappings, found \(describe(source))", at: location(source),
                        help: "anchor a mapping (`defaults: &base { kind: ecs-service }`) and merge it with `<<: *base`")
                    continue
                }
                inherited += merged(sourceMapping)
            }
            if sources.isEmpty {
                bag.error(
                    .invalidMerge, "a merge key `<<` takes a mapping or a list of mappings, found \(describe(value))", at: location(value),
                    help: "anchor a mapping (`defaults: &base { kind: ecs-service }`) and merge it with `<<: *base`")
            }
        }
        // Almost no mapping merges anything: skip hashing its keys.
        if inherited.isEmpty { return own }
        var seen = Set(own.compactMap { pair -> String? in
            if case .scalar(let scalar) = pair.0 { return scalar.string }
            return nil
        })
        var result = own
        for (key, value) in inherited {
            guard case .scalar(let scalar) = key, seen.insert(scalar.string).inserted else { continue }
            result.append((key, value))
        }
        return result
    }
}
