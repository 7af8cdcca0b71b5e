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
    var visitedNodes = 0
    var budgetExceeded = false
    var resourceCount = 0
    /// Scalar bytes produced so far, counting every use of an alias as a copy.
    var producedBytes = 0
    let maxProducedBytes: Int
    let maxVisitedNodes: Int

    /// `sourceBytes` is the size of the text as written: what aliases may expand to is
    /// bounded relative to it.
    init(file: String, limits: InputLimits, sourceBytes: Int = 0) {
        self.file = file
        self.limits = limits
        let (bytes, overflow) = sourceBytes.multipliedReportingOverflow(by: limits.maxExpansionFactor)
        maxProducedBytes = overflow ? Int.max : bytes + limits.expansionAllowanceBytes
        maxVisitedNodes = min(limits.maxNodes, limits.nodeAllowance + (overflow ? limits.maxNodes : bytes))
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
                .notAMapping, "the top level must be a mapping, found \(describe(root))", at: location(root),
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
                        .unsupportedVersion, "unsupported format version \(value); this Topograph reads version 1",
                        at: location(node), help: "set `topograph: 1`, or upgrade Topograph")
                }
            } else {
                bag.error(.unsupportedVersion, "`topograph:` must be the format version number, found \(describe(node))", at: location(node), help: "write `topograph: 1`")
            }
        } else {
            bag.error(.missingKey, "missing required key `topograph` (the format version)", at: location(root), help: "add `topograph: 1` as the first line")
        }

        var name = ""
        if let (_, node) = entries["name"] {
            if let value = scalarString(node, "name") {
                name = value
                if !TopologyParser.isValidID(value) {
                    bag.error(
                        .invalidName, "name '\(value)' is not a lowercase slug", at: location(node),
                        help: "use lowercase letters, digits and '-', e.g. '\(TopologyParser.slug(value))'; it becomes part of file names")
                }
            }
        } else {
            bag.error(.missingKey, "missing required key `name`", at: location(root), help: "add `name: my-architecture` (a lowercase slug used for file names)")
        }

        let metadata = TopologyMetadata(
            name: name,
            title: entries["title"].flatMap { scalarString($0.1, "title") },
            description: entries["description"].flatMap { scalarString($0.1, "description") },
            region: entries["region"].flatMap { scalarString($0.1, "region") },
            account: entries["account"].flatMap { scalarString($0.1, "account") })

        for (key, rule) in [("region", AWSValueRules.region), ("account", AWSValueRules.account)] {
            if let (_, node) = entries[key], let value = scalarString(node, key), rule.problem(value) != nil {
                bag.error(.invalidAWSValue, "`\(key)` '\(value)' is not \(rule.subject)", at: location(node), help: "AWS rule for \(rule.subject): \(rule.rule)")
            }
        }

        var resources: [Resource] = []
        if let (_, node) = entries["resources"] {
            resources = readResources(node, context: "resources")
        } else {
            bag.error(.missingKey, "missing required key `resources`", at: location(root), help: "add a `resources:` mapping from id to resource, e.g. `web: { kind: ecs-service }`")
        }

        let connections = entries["connections"].map { readConnections($0.1) } ?? []
        let stages = entries["stages"].map { readStages($0.1) } ?? []
        let lintIgnores = entries["lint"].map { readLintSettings($0.1) } ?? []
        let driftIgnores = entries["drift"].map { readDriftSettings($0.1) } ?? []

        guard !budgetExceeded else { return nil }
        var document = TopologyDocument(
            file: file, version: version, metadata: metadata, resources: resources,
            connections: connections, stages: stages, lintIgnores: lintIgnores)
        document.driftIgnores = driftIgnores
        return document
    }

    // MARK: - Values

    /// Counts one more node; false once the budget is spent (an error is reported once).
    mutating func visit(_ node: Node? = nil) -> Bool {
        if budgetExceeded { return false }
        visitedNodes += 1
        if visitedNodes > maxVisitedNodes {
            budgetExceeded = true
            bag.error(
                .inputTooLarge, "the YAML expands to more than \(maxVisitedNodes) nodes (are aliases nesting other aliases?)",
                at: node.map(location) ?? SourceLocation(file: file, line: 1, column: 1),
                help: "write the topology without chains of YAML aliases")
            return false
        }
        if let node, case .scalar(let scalar) = node {
            producedBytes += scalar.string.utf8.count
            if producedBytes > maxProducedBytes {
                budgetExceeded = true
                bag.error(
                    .inputTooLarge,
                    "YAML aliases expand the text to more than \(maxProducedBytes) bytes (\(limits.maxExpansionFactor)x the file plus \(limits.expansionAllowanceBytes / 1024 / 1024) MiB)",
                    at: location(node), help: "repeat long values less often, or write them out where they are used")
                return false
            }
        }
        return true
    }

    mutating func attributeValue(_ node: Node, depth: Int) -> AttributeValue {
        guard visit(node) else { return .null }
        if depth > limits.maxDepth {
            budgetExceeded = true
            bag.error(.inputTooDeep, "the YAML nests more than \(limits.maxDepth) levels deep", at: location(node), help: "flatten this value")
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
                    bag.error(.invalidKey, "mapping keys must be plain strings, found \(describe(key))", at: location(key), help: "write `key: value`")
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
        guard visit(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            bag.error(.invalidType, "`\(key)` must be a string, found \(describe(node))", at: location(node), help: "quote the value if it contains ':' or starts with '[' or '{'")
            return nil
        }
        if key == "title" || key == "label" {
            TopologyValidator.checkLabelLength(scalar.string, field: key, at: location(node), bag: &bag)
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
                bag.error(.invalidKey, "\(context)s must be plain strings, found \(describe(key))", at: location(key), help: help)
                continue
            }
            if allowed.contains(scalar.string) {
                result[scalar.string] = (key, value)
            } else {
                let suggestion = Suggestions.didYouMean(scalar.string, in: allowed)
                bag.error(
                    .unknownKey, "unknown \(context) '\(scalar.string)'", at: location(key),
                    help: suggestion ?? "allowed: \(allowed.joined(separator: ", ")); \(help)")
            }
        }
        return result
    }
}
