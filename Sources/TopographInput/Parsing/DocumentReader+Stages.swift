import Foundation
import Yams
import TopographModel

/// Stages (`add`, `change`, `remove`) and per-resource lint settings.
extension DocumentReader {
    mutating func readStages(_ node: Node) -> [StageDefinition] {
        guard case .sequence(let sequence) = node else {
            if case .scalar = node, ScalarType.of(node) == .null { return [] }
            bag.error(.notAList, "`stages` must be a list, found \(describe(node))", at: location(node), help: "write one `- name: V1` entry per stage")
            return []
        }
        var stages: [StageDefinition] = []
        if sequence.count > limits.maxStages {
            bag.error(
                .tooManyStages, "\(sequence.count) stages; a topology may have at most \(limits.maxStages)",
                at: location(node), help: "each stage is a full copy of the architecture; split long histories into several topology files")
            return []
        }
        for item in sequence {
            guard visit() else { break }
            guard case .mapping(let mapping) = item else {
                bag.error(.notAMapping, "a stage must be a mapping with at least `name`, found \(describe(item))", at: location(item), help: "write `- name: V1`")
                continue
            }
            let entries = keyedEntries(mapping, allowed: TopologyParser.stageKeys, context: "stage key", help: "free text belongs in `description:`")
            guard let (_, nameNode) = entries["name"] else {
                bag.error(.missingKey, "stage is missing `name`", at: location(item), help: "add `name: V1`")
                continue
            }
            guard let name = scalarString(nameNode, "name") else { continue }
            if name.count > limits.maxStageNameLength {
                bag.error(
                    .stageNameTooLong, "stage name is \(name.count) characters; the limit is \(limits.maxStageNameLength)",
                    at: location(nameNode), help: "stage names become part of file names: use a short name (V2, 2024-06-blue) and put the rest in `title:`")
            } else if !Self.isValidStageName(name) {
                bag.error(
                    .invalidStageName, "stage name '\(name)' may only hold letters, digits, '.', '_' and '-'",
                    at: location(nameNode), help: "stage names become part of file names; try '\(Self.stageSlug(name))'")
            }
            var stage = StageDefinition(
                name: name,
                title: entries["title"].flatMap { scalarString($0.1, "title") },
                description: entries["description"].flatMap { scalarString($0.1, "description") },
                location: location(nameNode))
            if let (_, addNode) = entries["add"] { readStageAdd(addNode, into: &stage) }
            if let (_, changeNode) = entries["change"] { stage.changes = readStageChanges(changeNode, stage: name) }
            if let (_, removeNode) = entries["remove"] { stage.removals = readStageRemovals(removeNode, stage: name) }
            stages.append(stage)
        }
        return stages
    }

    static func isValidStageName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    static func stageSlug(_ name: String) -> String {
        let kept = name.unicodeScalars.map { scalar -> String in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_"
                ? String(scalar) : "-"
        }.joined()
        let trimmed = kept.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "stage" : trimmed
    }

    mutating func readStageAdd(_ node: Node, into stage: inout StageDefinition) {
        guard case .mapping(let mapping) = node else {
            bag.error(.notAMapping, "`add` of stage '\(stage.name)' must be a mapping with `resources` and/or `connections`", at: location(node), help: "write `add: { resources: {...}, connections: [...] }`")
            return
        }
        let entries = keyedEntries(mapping, allowed: TopologyParser.stageAddKeys, context: "key of `add`", help: "`add` holds `resources` and `connections`")
        if let (_, resourcesNode) = entries["resources"] { stage.addedResources = readResources(resourcesNode, context: "add.resources") }
        if let (_, connectionsNode) = entries["connections"] { stage.addedConnections = readConnections(connectionsNode) }
    }

    mutating func readStageChanges(_ node: Node, stage: String) -> [StageChange] {
        guard case .mapping(let mapping) = node else {
            bag.error(.notAMapping, "`change` of stage '\(stage)' must be a mapping from resource id to the fields to change", at: location(node), help: "write `change: { web: { exec: true } }`")
            return []
        }
        var changes: [StageChange] = []
        for (key, value) in mapping {
            guard visit() else { break }
            guard let id = idKey(key) else { continue }
            guard case .mapping(let fieldsNode) = value else {
                bag.error(.notAMapping, "the change of '\(id)' in stage '\(stage)' must be a mapping of fields, found \(describe(value))", at: location(value), help: "write `\(id): { attribute: value }`")
                continue
            }
            let fields = readFields(fieldsNode)
            changes.append(StageChange(id: id, location: location(key), fieldMap: fields))
        }
        return changes
    }

    mutating func readStageRemovals(_ node: Node, stage: String) -> [StageRemoval] {
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar: items = [node]
        default:
            bag.error(.notAList, "`remove` of stage '\(stage)' must be a list of ids, found \(describe(node))", at: location(node), help: "write `remove: [old-id]`")
            return []
        }
        var removals: [StageRemoval] = []
        for item in items {
            guard visit() else { break }
            guard case .scalar(let scalar) = item else {
                bag.error(.invalidType, "entries of `remove` must be ids (or `a -> b`), found \(describe(item))", at: location(item), help: "write `remove: [old-id]`")
                continue
            }
            let text = scalar.string
            if text.contains("->") {
                if let (from, to, _, _) = Self.splitArrow(text), !from.isEmpty, !to.isEmpty {
                    removals.append(.connection(from: from, to: to, location: location(item)))
                } else {
                    bag.error(.invalidConnection, "'\(text)' is not a connection: expected `from -> to`", at: location(item), help: "write `remove: [\"a -> b\"]`")
                }
            } else {
                removals.append(.resource(id: text, location: location(item)))
            }
        }
        return removals
    }

    // MARK: - Lint settings

    mutating func readLintSettings(_ node: Node) -> [LintIgnore] {
        guard case .mapping(let mapping) = node else {
            bag.error(.notAMapping, "`lint` must be a mapping, found \(describe(node))", at: location(node), help: "write `lint: { ignore: [rule-id] }`")
            return []
        }
        let entries = keyedEntries(mapping, allowed: ["ignore"], context: "key of `lint`", help: "`lint` holds `ignore: [rule-id]`")
        guard let (_, ignoreNode) = entries["ignore"] else { return [] }
        guard case .sequence(let sequence) = ignoreNode else {
            bag.error(.notAList, "`lint.ignore` must be a list of rule ids", at: location(ignoreNode), help: "write `ignore: [rule-id]`")
            return []
        }
        var ignores: [LintIgnore] = []
        for item in sequence {
            if let rule = scalarString(item, "ignore") { ignores.append(LintIgnore(rule: rule, location: location(item))) }
        }
        return ignores
    }
}
