import Foundation
import TopographModel

/// Checks one resolved stage against the kind catalog: kinds, attributes and their types,
/// references, containment, connections. Every problem is collected; nothing stops early.
package struct TopologyValidator: Sendable {
    package init() {}

    /// Resources are checked each on its own, so a large stage is checked in slices, one per
    /// core, with the whole-stage checks (containment, connections) as one more task beside
    /// them; the findings are joined in the order one pass gives them.
    package func validate(_ topology: StageTopology) -> [Diagnostic] {
        let ids = topology.resources.map(\.id)
        let resources = topology.resources
        let slices = resources.count >= 2_000 ? min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1
        let findings = Locked([[Diagnostic]](repeating: [], count: slices + 1))
        let check: @Sendable (Int) -> Void = { task in
            var bag = DiagnosticBag()
            if task == slices {
                validateContainment(topology, bag: &bag)
                validateConnections(topology, ids: ids, bag: &bag)
            } else {
                for resource in resources[resources.count * task / slices..<resources.count * (task + 1) / slices] {
                    validate(resource, in: topology, ids: ids, bag: &bag)
                }
            }
            findings.withLock { $0[task] = bag.diagnostics }
        }
        if slices == 1 {
            (0...slices).forEach(check)
        } else {
            DispatchQueue.concurrentPerform(iterations: slices + 1, execute: check)
        }
        var bag = DiagnosticBag()
        for part in findings.withLock({ $0 }) { bag.append(contentsOf: part) }
        return bag.diagnostics
    }

    // MARK: - Resources

    /// Titles and labels are drawn in one box each: past `InputLimits.maxLabelLength`
    /// characters Graphviz refuses the drawing with a syntax error of its own.
    static func checkLabelLength(_ text: String, field: String, at location: SourceLocation?, bag: inout DiagnosticBag) {
        let length = text.count
        guard length > InputLimits.maxLabelLength else { return }
        bag.error(
            .textTooLong, "`\(field)` is \(length) characters; values shown in diagrams (names, titles, labels) are limited to \(InputLimits.maxLabelLength)",
            at: location, help: "a label is drawn in one box: keep it short and put the rest in `notes:` or `description:`")
    }

    private func validate(_ resource: Resource, in topology: StageTopology, ids: [String], bag: inout DiagnosticBag) {
        // Every short value can end up in a diagram caption; only prose fields are long.
        for (field, value) in resource.fields where field != "notes" && field != "description" {
            for text in [value.stringValue].compactMap({ $0 }) + (value.listValue?.compactMap(\.stringValue) ?? []) {
                Self.checkLabelLength(text, field: field, at: resource.location(of: field), bag: &bag)
            }
        }
        let kind = resource.kind
        guard let spec = KindCatalog.spec(kind) else {
            if !kind.rawValue.isEmpty || resource.fields["kind"]?.stringValue == nil {
                let shown = resource.fields["kind"]?.description ?? ""
                bag.error(
                    .unknownKind, "resource '\(resource.id)' has unknown kind '\(shown)'", at: resource.location(of: "kind"),
                    help: Suggestions.didYouMean(shown, in: KindCatalog.ids) ?? "run `topograph kinds` for the list; `generic` takes anything else")
            }
            return
        }
        for field in resource.attributeNames {
            guard let value = resource.fields[field] else { continue }
            guard let attribute = spec.attribute(field) else {
                bag.error(
                    .unknownAttribute, "\(kind) '\(resource.id)' has no attribute '\(field)'",
                    at: resource.keyLocations[field] ?? resource.location, help: unknownAttributeHelp(field, spec: spec))
                continue
            }
            // `kind` is checked above and `in` by the containment pass.
            if field == "kind" { continue }
            if let problem = typeProblem(value, attribute.type) {
                bag.error(
                    .invalidType, "`\(field)` of '\(resource.id)' \(problem)", at: resource.location(of: field),
                    help: "`\(field)` takes \(attribute.type.summary): \(attribute.doc)")
                continue
            }
            if field == "in" { continue }
            checkReferences(value, attribute.type, field: field, resource: resource, topology: topology, ids: ids, bag: &bag)
        }
        for attribute in spec.attributes where attribute.required && resource.fields[attribute.name] == nil {
            bag.error(
                .missingAttribute, "\(kind) '\(resource.id)' needs `\(attribute.name)`", at: resource.location,
                help: "\(attribute.doc)")
        }
        checkContainers(resource, bag: &bag)
        AWSValueRules.check(resource, region: topology.metadata.region, bag: &bag)
    }

    private func unknownAttributeHelp(_ field: String, spec: KindSpec) -> String {
        if let suggestion = Suggestions.didYouMean(field, in: spec.allAttributeNames) { return suggestion }
        let owners = KindCatalog.all.filter { $0.attributes.contains { $0.name == field } }.map(\.id.rawValue)
        if !owners.isEmpty {
            return "'\(field)' is an attribute of \(owners.joined(separator: ", ")), not of \(spec.id); free-form data goes under `notes:` or `tags:`"
        }
        return "\(spec.id) takes: \(spec.attributes.map(\.name).joined(separator: ", ")); free-form data goes under `notes:` or `tags:`"
    }

    /// Nil when `value` fits `type`; otherwise what is wrong, as the end of a sentence.
    func typeProblem(_ value: AttributeValue, _ type: AttributeType) -> String? {
        switch type {
        case .string, .markdown:
            switch value {
            case .string: return nil
            case .int, .double, .bool: return nil  // a scalar written unquoted is still text
            default: return "must be text, found \(value.typeName)"
            }
        case .int:
            return value.intValue == nil ? "must be a whole number, found \(value.typeName) '\(value)'" : nil
        case .port:
            guard let port = value.intValue else { return "must be a port number, found \(value.typeName) '\(value)'" }
            return (1...65535).contains(port) ? nil : "must be a port from 1 to 65535, found \(port)"
        case .bool:
            return value.boolValue == nil ? "must be true or false, found \(value.typeName) '\(value)'" : nil
        case .oneOf(let allowed):
            guard !allowed.isEmpty else { return nil }
            guard let text = value.scalarText, case .string = value else {
                return "must be one of \(allowed.joined(separator: ", ")), found \(value.typeName)"
            }
            if allowed.contains(text) { return nil }
            let suggestion = Suggestions.closest(to: text, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            return "is '\(text)', but must be one of \(allowed.joined(separator: ", "))\(suggestion)"
        case .list(let element):
            guard let items = value.listValue else { return "must be a list, found \(value.typeName)" }
            for (offset, item) in items.enumerated() {
                if let problem = typeProblem(item, element) { return "item \(offset + 1) \(problem)" }
            }
            return nil
        case .reference:
            return value.stringValue == nil ? "must be a resource id, found \(value.typeName)" : nil
        case .stringMap:
            guard let entries = value.mapValue else { return "must be a mapping of strings, found \(value.typeName)" }
            for entry in entries where entry.value.scalarText == nil || entry.value == .null {
                return "must map keys to strings; '\(entry.key)' holds \(entry.value.typeName)"
            }
            return nil
        case .object(let fields):
            guard let entries = value.mapValue else { return "must be a mapping with \(fields.map(\.name).joined(separator: ", ")), found \(value.typeName)" }
            for entry in entries {
                guard let field = fields.first(where: { $0.name == entry.key }) else {
                    let suggestion = Suggestions.closest(to: entry.key, in: fields.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                    return "has unknown key '\(entry.key)'\(suggestion); allowed: \(fields.map(\.name).joined(separator: ", "))"
                }
                if let problem = typeProblem(entry.value, field.type) { return "key '\(entry.key)' \(problem)" }
            }
            for field in fields where field.required && !entries.contains(where: { $0.key == field.name }) {
                return "is missing `\(field.name)`"
            }
            return nil
        case .url:
            guard let text = value.stringValue else { return "must be a URL, found \(value.typeName)" }
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
                return "'\(text)' is not an http or https URL (other schemes such as javascript: or file: are refused)"
            }
            return nil
        }
    }

    private func checkReferences(
        _ value: AttributeValue, _ type: AttributeType, field: String, resource: Resource,
        topology: StageTopology, ids: [String], bag: inout DiagnosticBag
    ) {
        switch type {
        case .reference(let kinds):
            guard let target = value.stringValue else { return }
            guard let referenced = topology.resource(target) else {
                bag.error(
                    .unknownReference, "`\(field)` of '\(resource.id)' names '\(target)', which is not a resource",
                    at: resource.location(of: field), help: Suggestions.didYouMean(target, in: ids) ?? "define '\(target)' under `resources:` or fix the id")
                return
            }
            if !kinds.isEmpty, !kinds.contains(referenced.kind) {
                let kinds = kinds.map(\.rawValue)
                bag.error(
                    .wrongReferenceKind, "`\(field)` of '\(resource.id)' must name a resource of kind \(kinds.joined(separator: " or ")), but '\(target)' is of kind \(referenced.kind)",
                    at: resource.location(of: field), help: "point `\(field)` at a resource of kind \(kinds.joined(separator: " or "))")
            }
        case .list(let element):
            for item in value.listValue ?? [] {
                checkReferences(item, element, field: field, resource: resource, topology: topology, ids: ids, bag: &bag)
            }
        default:
            return
        }
    }

    /// Container names within one ECS service must be unique: runbook commands address
    /// containers by name.
    private func checkContainers(_ resource: Resource, bag: inout DiagnosticBag) {
        guard let containers = resource["containers"]?.listValue else { return }
        var seen: Set<String> = []
        for container in containers {
            guard let name = container["name"]?.scalarText else { continue }
            if !seen.insert(name).inserted {
                bag.error(
                    .duplicateContainer, "'\(resource.id)' lists container '\(name)' twice", at: resource.location(of: "containers"),
                    help: "container names are unique within a task definition")
            }
        }
    }

    // MARK: - Containment

    private func validateContainment(_ topology: StageTopology, bag: inout DiagnosticBag) {
        checkContainmentDepth(topology, bag: &bag)
        for resource in topology.resources {
            guard let parentID = resource.parent else { continue }
            guard let parent = topology.resource(parentID) else {
                bag.error(
                    .unknownParent, "'\(resource.id)' is placed in '\(parentID)', which is not a resource",
                    at: resource.location(of: "in"), help: Suggestions.didYouMean(parentID, in: topology.resources.map(\.id)) ?? "define '\(parentID)' or fix `in:`")
                continue
            }
            if parentID == resource.id {
                bag.error(.containmentCycle, "'\(resource.id)' is placed in itself", at: resource.location(of: "in"), help: "remove `in:` or name its real container")
                continue
            }
            guard let childSpec = KindCatalog.spec(resource.kind), let parentSpec = KindCatalog.spec(parent.kind) else { continue }
            if !parentSpec.isContainer {
                bag.error(
                    .invalidContainment, "'\(resource.id)' (\(resource.kind)) cannot be placed in '\(parentID)': kind \(parent.kind) does not contain other resources",
                    at: resource.location(of: "in"), help: "containers are: \(KindCatalog.all.filter(\.isContainer).map(\.id.rawValue).joined(separator: ", ")); use a connection for traffic")
            } else if !childSpec.mayBePlaced(in: parentSpec) {
                let allowed = childSpec.parents ?? []
                bag.error(
                    .invalidContainment, "kind \(resource.kind) cannot be placed in kind \(parent.kind) ('\(resource.id)' in '\(parentID)')",
                    at: resource.location(of: "in"),
                    help: allowed.isEmpty ? "\(resource.kind) is a regional or global service: remove `in:`" : "\(resource.kind) may sit in: \(allowed.map(\.rawValue).joined(separator: ", ")), or at the top level")
            }
        }
    }

    /// Cycles and chains deeper than `InputLimits.maxContainmentDepth`, in one pass: each
    /// resource's depth is worked out once and reused by everything it contains, so a
    /// 10,000-deep `in:` chain costs 10,000 steps, not 50 million.
    private func checkContainmentDepth(_ topology: StageTopology, bag: inout DiagnosticBag) {
        let limit = InputLimits.maxContainmentDepth
        var depth: [String: Int] = [:]
        depth.reserveCapacity(topology.resources.count)
        var reportedDeep = false
        for resource in topology.resources where depth[resource.id] == nil {
            var chain: [String] = []
            var onChain: [String: Int] = [:]
            var current: String? = resource.id
            var base = 0
            while let id = current {
                if let known = depth[id] { base = known + 1; break }
                if let start = onChain[id] {
                    // Back on the chain: the part from `id` on is a cycle.
                    let cycle = Array(chain[start...])
                    if cycle.count > 1, let first = topology.resource(id) {
                        bag.error(
                            .containmentCycle, "containment cycle: \((cycle + [id]).joined(separator: " in "))",
                            at: first.location(of: "in"), help: "containment must be a tree; remove one of these `in:`")
                    }
                    for member in cycle { depth[member] = 0 }
                    chain.removeSubrange(start...)
                    base = 1
                    break
                }
                guard let node = topology.resource(id) else { break }
                onChain[id] = chain.count
                chain.append(id)
                current = node.parent
            }
            // `chain` runs from `resource` outwards; the outermost gets `base`.
            for (offset, id) in chain.reversed().enumerated() {
                let level = base + offset
                depth[id] = level
                if level > limit, !reportedDeep, let deep = topology.resource(id) {
                    reportedDeep = true
                    bag.error(
                        .containmentTooDeep, "'\(id)' is nested \(level) levels deep; containment is limited to \(limit) levels",
                        at: deep.location(of: "in"), help: "real architectures nest a few levels (vpc > availability-zone > subnet > service); check the `in:` chain")
                }
            }
        }
    }

    // MARK: - Connections

    private func validateConnections(_ topology: StageTopology, ids: [String], bag: inout DiagnosticBag) {
        var firstSeen: [Connection: SourceLocation] = [:]
        for connection in topology.connections {
            if let label = connection.label {
                Self.checkLabelLength(label, field: "label", at: connection.location, bag: &bag)
            }
            for (end, location) in [(connection.from, connection.fromLocation), (connection.to, connection.toLocation)] where !topology.contains(end) {
                bag.error(
                    .unknownEndpoint, "connection '\(connection.endpoints)' names '\(end)', which is not a resource", at: location,
                    help: Suggestions.didYouMean(end, in: ids) ?? "both ends of a connection must be resource ids")
            }
            if let first = firstSeen[connection] {
                bag.error(
                    .duplicateConnection, "connection '\(connection.endpoints)' is written twice (first on line \(first.line))",
                    at: connection.location, help: "remove one; give them different labels if they are different traffic")
            } else {
                firstSeen[connection] = connection.location
            }
        }
    }
}
