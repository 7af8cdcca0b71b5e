import Foundation
import Yams
import TopographModel

/// Walks the composed YAML tree and builds a `TopologyDocument`, collecting every shape
/// error rather than stopping at the first. Counts every node it visits, so an alias bomb
/// (which Yams composes into a small shared graph) is refused before it is expanded.
struct DocumentReader {
    let file: String
    let limits: InputLimits
    var bag = DiagnosticBag()
    private var visitedNodes = 0
    private var budgetExceeded = false
    private var resourceCount = 0

    init(file: String, limits: InputLimits) {
        self.file = file
        self.limits = limits
    }

    // MARK: - Positions

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    // MARK: - Document

    mutating func read(_ root: Node) -> TopologyDocument? {
        guard case .mapping(let mapping) = root else {
            bag.error(
                "not-a-mapping", "the top level must be a mapping, found \(describe(root))", at: location(root),
                help: "start the file with `topograph: 1`, `name:` and `resources:`; see Docs/format.md")
            return nil
        }
        let entries = keyedEntries(mapping, allowed: TopologyParser.topLevelKeys, context: "top-level key", help: "free-form text belongs under `description:`")

        var version = 0
        if let (_, node) = entries["topograph"] {
            if case .scalar(let scalar) = node, let value = Int(scalar.string) {
                version = value
                if value != 1 {
                    bag.error(
                        "unsupported-version", "unsupported format version \(value); this Topograph reads version 1",
                        at: location(node), help: "set `topograph: 1`, or upgrade Topograph")
                }
            } else {
                bag.error("unsupported-version", "`topograph:` must be the format version number, found \(describe(node))", at: location(node), help: "write `topograph: 1`")
            }
        } else {
            bag.error("missing-key", "missing required key `topograph` (the format version)", at: location(root), help: "add `topograph: 1` as the first line")
        }

        var name = ""
        if let (_, node) = entries["name"] {
            if let value = scalarString(node, "name") {
                name = value
                if !TopologyParser.isValidID(value) {
                    bag.error(
                        "invalid-name", "name '\(value)' is not a lowercase slug", at: location(node),
                        help: "use lowercase letters, digits and '-', e.g. '\(TopologyParser.slug(value))'; it becomes part of file names")
                }
            }
        } else {
            bag.error("missing-key", "missing required key `name`", at: location(root), help: "add `name: my-architecture` (a lowercase slug used for file names)")
        }

        let metadata = TopologyMetadata(
            name: name,
            title: entries["title"].flatMap { scalarString($0.1, "title") },
            description: entries["description"].flatMap { scalarString($0.1, "description") },
            region: entries["region"].flatMap { scalarString($0.1, "region") },
            account: entries["account"].flatMap { scalarString($0.1, "account") })

        for (key, rule) in [("region", AWSValueRules.region), ("account", AWSValueRules.account)] {
            if let (_, node) = entries[key], let value = scalarString(node, key), rule.problem(value) != nil {
                bag.error("invalid-aws-value", "`\(key)` '\(value)' is not \(rule.subject)", at: location(node), help: "AWS rule for \(rule.subject): \(rule.rule)")
            }
        }

        var resources: [Resource] = []
        if let (_, node) = entries["resources"] {
            resources = readResources(node, context: "resources")
        } else {
            bag.error("missing-key", "missing required key `resources`", at: location(root), help: "add a `resources:` mapping from id to resource, e.g. `web: { kind: ecs-service }`")
        }

        let connections = entries["connections"].map { readConnections($0.1) } ?? []
        let stages = entries["stages"].map { readStages($0.1) } ?? []
        let lintIgnores = entries["lint"].map { readLintSettings($0.1) } ?? []

        guard !budgetExceeded else { return nil }
        return TopologyDocument(
            file: file, version: version, metadata: metadata, resources: resources,
            connections: connections, stages: stages, lintIgnores: lintIgnores)
    }

    // MARK: - Resources

    mutating func readResources(_ node: Node, context: String) -> [Resource] {
        guard case .mapping(let mapping) = node else {
            if case .scalar = node, ScalarType.of(node) == .null { return [] }
            bag.error("not-a-mapping", "`\(context)` must be a mapping from id to resource, found \(describe(node))", at: location(node), help: "write `resources:` then one `id: { kind: ... }` per line, indented")
            return []
        }
        var resources: [Resource] = []
        for (key, value) in mapping {
            guard visit() else { return resources }
            guard let id = idKey(key) else { continue }
            resourceCount += 1
            if resourceCount > limits.maxResources {
                bag.error(
                    "too-many-resources", "more than \(limits.maxResources) resources", at: location(key),
                    help: "split the architecture into several topology files")
                budgetExceeded = true
                return resources
            }
            guard case .mapping(let fieldsNode) = value else {
                bag.error(
                    "not-a-mapping", "resource '\(id)' must be a mapping with at least `kind`, found \(describe(value))",
                    at: location(value), help: "write `\(id): { kind: ... }`")
                continue
            }
            let fields = readFields(fieldsNode)
            var resource = Resource(
                id: id, location: location(key), fields: fields.values, fieldLocations: fields.valueLocations,
                keyLocations: fields.keyLocations, fieldOrder: fields.order)
            if resource.fields["kind"] == nil {
                bag.error(
                    "missing-kind", "resource '\(id)' has no `kind`", at: location(key),
                    help: "add `kind:`, one of `topograph kinds` (e.g. `kind: ecs-service`)")
                resource.fields["kind"] = .string("")
            }
            resources.append(resource)
        }
        return resources
    }

    struct Fields {
        var values: [String: AttributeValue] = [:]
        var valueLocations: [String: SourceLocation] = [:]
        var keyLocations: [String: SourceLocation] = [:]
        var order: [String] = []
    }

    mutating func readFields(_ mapping: Node.Mapping) -> Fields {
        var fields = Fields()
        for (key, value) in merged(mapping) {
            guard visit() else { break }
            guard case .scalar(let keyScalar) = key, !keyScalar.string.isEmpty else {
                bag.error("invalid-key", "attribute names must be plain strings, found \(describe(key))", at: location(key), help: "write `name: value`")
                continue
            }
            let name = keyScalar.string
            fields.values[name] = attributeValue(value, depth: 1)
            fields.valueLocations[name] = location(value)
            // Each list entry's position too, so a finding can point at the one entry at fault.
            if case .sequence(let sequence) = value {
                for (index, element) in sequence.enumerated() {
                    fields.valueLocations[Resource.elementKey(name, index)] = location(element)
                }
            }
            fields.keyLocations[name] = location(key)
            fields.order.append(name)
        }
        return fields
    }

    /// An id used as a mapping key: a scalar matching the id syntax.
    mutating func idKey(_ key: Node) -> String? {
        guard case .scalar(let scalar) = key else {
            bag.error("invalid-id", "resource ids must be plain strings, found \(describe(key))", at: location(key), help: "write `my-id: { kind: ... }`")
            return nil
        }
        let id = scalar.string
        if !TopologyParser.isValidID(id) {
            bag.error(
                "invalid-id", "'\(id)' is not a valid resource id",
                at: location(key), help: "ids are lowercase letters, digits and '-', starting with a letter: try '\(TopologyParser.slug(id))'")
            return nil
        }
        return id
    }

    // MARK: - Values

    /// Counts one more node; false once the budget is spent (an error is reported once).
    mutating func visit(_ node: Node? = nil) -> Bool {
        if budgetExceeded { return false }
        visitedNodes += 1
        if visitedNodes > limits.maxNodes {
            budgetExceeded = true
            bag.error(
                "input-too-large", "the YAML expands to more than \(limits.maxNodes) nodes (are aliases nesting other aliases?)",
                at: node.map(location) ?? SourceLocation(file: file, line: 1, column: 1),
                help: "write the topology without chains of YAML aliases")
            return false
        }
        return true
    }

    mutating func attributeValue(_ node: Node, depth: Int) -> AttributeValue {
        guard visit(node) else { return .null }
        if depth > limits.maxDepth {
            budgetExceeded = true
            bag.error("input-too-deep", "the YAML nests more than \(limits.maxDepth) levels deep", at: location(node), help: "flatten this value")
            return .null
        }
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar, node: node)
        case .sequence(let sequence):
            var items: [AttributeValue] = []
            for item in sequence {
                if budgetExceeded { break }
                items.append(attributeValue(item, depth: depth + 1))
            }
            return .list(items)
        case .mapping(let mapping):
            var entries: [AttributeValue.Entry] = []
            for (key, value) in merged(mapping) {
                if budgetExceeded { break }
                guard case .scalar(let keyScalar) = key else {
                    bag.error("invalid-key", "mapping keys must be plain strings, found \(describe(key))", at: location(key), help: "write `key: value`")
                    continue
                }
                entries.append(.init(key: keyScalar.string, value: attributeValue(value, depth: depth + 1)))
            }
            return .map(entries)
        case .alias:
            return .null
        }
    }

    func scalarValue(_ scalar: Node.Scalar, node: Node) -> AttributeValue {
        let text = scalar.string
        switch ScalarType.of(node) {
        case .string: return .string(text)
        case .bool: return .bool(text.lowercased() == "true")
        case .int: return ScalarType.intValue(text).map { .int($0) } ?? .string(text)
        case .float: return ScalarType.doubleValue(text).map { .double($0) } ?? .string(text)
        case .null: return .null
        }
    }

    /// A scalar read as text (numbers and booleans too: `title: 2024` is the text "2024").
    mutating func scalarString(_ node: Node, _ key: String) -> String? {
        guard visit() else { return nil }
        guard case .scalar(let scalar) = node else {
            bag.error("invalid-type", "`\(key)` must be a string, found \(describe(node))", at: location(node), help: "quote the value if it contains ':' or starts with '[' or '{'")
            return nil
        }
        return scalar.string
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            switch ScalarType.of(node) {
            case .null: return "nothing (null)"
            case .int, .float: return "the number \(scalar.string)"
            case .bool: return "the boolean \(scalar.string)"
            case .string: return "the string '\(scalar.string)'"
            }
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// Reads a mapping's keys, reporting unknown ones with a did-you-mean; returns the
    /// known ones with their key and value nodes.
    mutating func keyedEntries(_ mapping: Node.Mapping, allowed: [String], context: String, help: String) -> [String: (Node, Node)] {
        var result: [String: (Node, Node)] = [:]
        for (key, value) in mapping {
            guard visit() else { break }
            guard case .scalar(let scalar) = key else {
                bag.error("invalid-key", "\(context)s must be plain strings, found \(describe(key))", at: location(key), help: help)
                continue
            }
            if allowed.contains(scalar.string) {
                result[scalar.string] = (key, value)
            } else {
                let suggestion = Suggestions.didYouMean(scalar.string, in: allowed)
                bag.error(
                    "unknown-key", "unknown \(context) '\(scalar.string)'", at: location(key),
                    help: suggestion ?? "allowed: \(allowed.joined(separator: ", ")); \(help)")
            }
        }
        return result
    }

    // MARK: - Connections

    mutating func readConnections(_ node: Node) -> [Connection] {
        guard case .sequence(let sequence) = node else {
            if case .scalar = node, ScalarType.of(node) == .null { return [] }
            bag.error("not-a-list", "`connections` must be a list, found \(describe(node))", at: location(node), help: "write one `- from -> to` per line")
            return []
        }
        var connections: [Connection] = []
        for item in sequence {
            guard visit() else { break }
            if let connection = readConnection(item) { connections.append(connection) }
        }
        return connections
    }

    mutating func readConnection(_ node: Node) -> Connection? {
        switch node {
        case .scalar(let scalar):
            return shortConnection(scalar, node: node, label: nil, extra: nil)
        case .mapping(let mapping):
            let pairs = Array(mapping)
            if pairs.count == 1, case .scalar(let keyScalar) = pairs[0].key, keyScalar.string.contains("->") {
                let value = pairs[0].value
                switch value {
                case .scalar(let labelScalar):
                    let label = ScalarType.of(value) == .null ? nil : labelScalar.string
                    return shortConnection(keyScalar, node: pairs[0].key, label: label, extra: nil)
                case .mapping(let extra):
                    return shortConnection(keyScalar, node: pairs[0].key, label: nil, extra: extra)
                default:
                    bag.error("invalid-connection", "the label of '\(keyScalar.string)' must be text, found \(describe(value))", at: location(value), help: "write `- a -> b: label`")
                    return nil
                }
            }
            return longConnection(mapping, node: node)
        default:
            bag.error(
                "invalid-connection", "a connection must be `from -> to`, `from -> to: label` or a mapping with `from` and `to`; found \(describe(node))",
                at: location(node), help: "write `- web -> sessions: read/write sessions`")
            return nil
        }
    }

    mutating func shortConnection(_ scalar: Node.Scalar, node: Node, label: String?, extra: Node.Mapping?) -> Connection? {
        let text = scalar.string
        let at = location(node)
        guard let split = Self.splitArrow(text) else {
            bag.error(
                "invalid-connection", "'\(text)' is not a connection: expected exactly one `->` between two ids",
                at: at, help: "write `from -> to`, e.g. `alb -> web`")
            return nil
        }
        let (from, to, fromOffset, toOffset) = split
        guard !from.isEmpty, !to.isEmpty else {
            bag.error("invalid-connection", "'\(text)' is missing an id on one side of `->`", at: at, help: "write `from -> to`, e.g. `alb -> web`")
            return nil
        }
        // Point at each id inside the string when it is written plain on one line.
        var fromLocation = at
        var toLocation = at
        if scalar.style == .plain || scalar.style == .any {
            fromLocation.column = at.column + fromOffset
            toLocation.column = at.column + toOffset
        }
        var connection = Connection(from: from, to: to, label: label, location: at, fromLocation: fromLocation, toLocation: toLocation)
        if let extra {
            let entries = keyedEntries(extra, allowed: ["label", "port", "protocol", "via", "notes"], context: "connection key", help: "free text belongs in `notes:`")
            applyConnectionDetails(&connection, entries)
        }
        return connection
    }

    /// `a -> b` split into its two trimmed ids and their offsets (in Unicode scalars);
    /// nil unless there is exactly one arrow. Written by hand because this runs once per
    /// connection and Foundation's string searching dominated large files.
    static func splitArrow(_ text: String) -> (String, String, Int, Int)? {
        let scalars = Array(text.unicodeScalars)
        var arrow: Int?
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == "-", scalars[index + 1] == ">" {
                if arrow != nil { return nil }
                arrow = index
                index += 2
                continue
            }
            index += 1
        }
        guard let arrow else { return nil }
        func trimmed(_ range: Range<Int>) -> (String, Int) {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, scalars[lower] == " " || scalars[lower] == "\t" { lower += 1 }
            while upper > lower, scalars[upper - 1] == " " || scalars[upper - 1] == "\t" { upper -= 1 }
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[lower..<upper])
            return (String(result), lower)
        }
        let (from, fromOffset) = trimmed(0..<arrow)
        let (to, toOffset) = trimmed((arrow + 2)..<scalars.count)
        return (from, to, fromOffset, toOffset)
    }

    mutating func longConnection(_ mapping: Node.Mapping, node: Node) -> Connection? {
        let entries = keyedEntries(mapping, allowed: TopologyParser.connectionKeys, context: "connection key", help: "free text belongs in `notes:`")
        guard let fromEntry = entries["from"], let toEntry = entries["to"] else {
            let missing = entries["from"] == nil ? "from" : "to"
            bag.error("missing-key", "connection is missing `\(missing)`", at: location(node), help: "write `{ from: a, to: b }` or the short form `a -> b`")
            return nil
        }
        guard let from = scalarString(fromEntry.1, "from"), let to = scalarString(toEntry.1, "to") else { return nil }
        var connection = Connection(
            from: from, to: to, location: location(node),
            fromLocation: location(fromEntry.1), toLocation: location(toEntry.1))
        applyConnectionDetails(&connection, entries)
        return connection
    }

    mutating func applyConnectionDetails(_ connection: inout Connection, _ entries: [String: (Node, Node)]) {
        if let (_, node) = entries["label"] { connection.label = scalarString(node, "label") }
        if let (_, node) = entries["protocol"] { connection.protocol = scalarString(node, "protocol") }
        if let (_, node) = entries["via"] { connection.via = scalarString(node, "via") }
        if let (_, node) = entries["notes"] { connection.notes = scalarString(node, "notes") }
        if let (_, node) = entries["port"] {
            if case .scalar(let scalar) = node, let port = Int(scalar.string), (1...65535).contains(port) {
                connection.port = port
            } else {
                bag.error("invalid-type", "`port` must be a number from 1 to 65535, found \(describe(node))", at: location(node), help: "write e.g. `port: 6379`")
            }
        }
    }

    // MARK: - Stages

    mutating func readStages(_ node: Node) -> [StageDefinition] {
        guard case .sequence(let sequence) = node else {
            if case .scalar = node, ScalarType.of(node) == .null { return [] }
            bag.error("not-a-list", "`stages` must be a list, found \(describe(node))", at: location(node), help: "write one `- name: V1` entry per stage")
            return []
        }
        var stages: [StageDefinition] = []
        for item in sequence {
            guard visit() else { break }
            guard case .mapping(let mapping) = item else {
                bag.error("not-a-mapping", "a stage must be a mapping with at least `name`, found \(describe(item))", at: location(item), help: "write `- name: V1`")
                continue
            }
            let entries = keyedEntries(mapping, allowed: TopologyParser.stageKeys, context: "stage key", help: "free text belongs in `description:`")
            guard let (_, nameNode) = entries["name"] else {
                bag.error("missing-key", "stage is missing `name`", at: location(item), help: "add `name: V1`")
                continue
            }
            guard let name = scalarString(nameNode, "name") else { continue }
            if !Self.isValidStageName(name) {
                bag.error(
                    "invalid-stage-name", "stage name '\(name)' may only hold letters, digits, '.', '_' and '-'",
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
            bag.error("not-a-mapping", "`add` of stage '\(stage.name)' must be a mapping with `resources` and/or `connections`", at: location(node), help: "write `add: { resources: {...}, connections: [...] }`")
            return
        }
        let entries = keyedEntries(mapping, allowed: TopologyParser.stageAddKeys, context: "key of `add`", help: "`add` holds `resources` and `connections`")
        if let (_, resourcesNode) = entries["resources"] { stage.addedResources = readResources(resourcesNode, context: "add.resources") }
        if let (_, connectionsNode) = entries["connections"] { stage.addedConnections = readConnections(connectionsNode) }
    }

    mutating func readStageChanges(_ node: Node, stage: String) -> [StageChange] {
        guard case .mapping(let mapping) = node else {
            bag.error("not-a-mapping", "`change` of stage '\(stage)' must be a mapping from resource id to the fields to change", at: location(node), help: "write `change: { web: { exec: true } }`")
            return []
        }
        var changes: [StageChange] = []
        for (key, value) in mapping {
            guard visit() else { break }
            guard let id = idKey(key) else { continue }
            guard case .mapping(let fieldsNode) = value else {
                bag.error("not-a-mapping", "the change of '\(id)' in stage '\(stage)' must be a mapping of fields, found \(describe(value))", at: location(value), help: "write `\(id): { attribute: value }`")
                continue
            }
            let fields = readFields(fieldsNode)
            changes.append(StageChange(
                id: id, location: location(key), fields: fields.values, fieldLocations: fields.valueLocations,
                keyLocations: fields.keyLocations, fieldOrder: fields.order))
        }
        return changes
    }

    mutating func readStageRemovals(_ node: Node, stage: String) -> [StageRemoval] {
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar: items = [node]
        default:
            bag.error("not-a-list", "`remove` of stage '\(stage)' must be a list of ids, found \(describe(node))", at: location(node), help: "write `remove: [old-id]`")
            return []
        }
        var removals: [StageRemoval] = []
        for item in items {
            guard visit() else { break }
            guard case .scalar(let scalar) = item else {
                bag.error("invalid-type", "entries of `remove` must be ids (or `a -> b`), found \(describe(item))", at: location(item), help: "write `remove: [old-id]`")
                continue
            }
            let text = scalar.string
            if text.contains("->") {
                if let (from, to, _, _) = Self.splitArrow(text), !from.isEmpty, !to.isEmpty {
                    removals.append(.connection(from: from, to: to, location: location(item)))
                } else {
                    bag.error("invalid-connection", "'\(text)' is not a connection: expected `from -> to`", at: location(item), help: "write `remove: [\"a -> b\"]`")
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
            bag.error("not-a-mapping", "`lint` must be a mapping, found \(describe(node))", at: location(node), help: "write `lint: { ignore: [rule-id] }`")
            return []
        }
        let entries = keyedEntries(mapping, allowed: ["ignore"], context: "key of `lint`", help: "`lint` holds `ignore: [rule-id]`")
        guard let (_, ignoreNode) = entries["ignore"] else { return [] }
        guard case .sequence(let sequence) = ignoreNode else {
            bag.error("not-a-list", "`lint.ignore` must be a list of rule ids", at: location(ignoreNode), help: "write `ignore: [rule-id]`")
            return []
        }
        var ignores: [LintIgnore] = []
        for item in sequence {
            if let rule = scalarString(item, "ignore") { ignores.append(LintIgnore(rule: rule, location: location(item))) }
        }
        return ignores
    }
}
