import TopographModel
import TopographInput
import TopographDiff
/// Puts the pieces together as topology resources: containers before what they hold
/// (depth first, template order), `in:` and `subnets:` from the placement, connections with
/// topology ids.
extension ImportBuilder {
    func assemble() -> ImportResult {
        var ids = idByKey
        for (key, value) in synthetic { ids[key] = value.id }
        // Drop placements the catalog does not allow (never write an invalid topology).
        for (child, container) in parent {
            guard let childKind = kindByKey[child].flatMap(KindCatalog.spec), let containerKind = kindByKey[container].flatMap(KindCatalog.spec),
                  childKind.mayBePlaced(in: containerKind) else {
                parent[child] = nil
                continue
            }
        }
        let templateOrder = Dictionary(nodes.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let allKeys = synthetic.keys.sorted() + nodes.map(\.key)
        func rank(_ key: String) -> (Int, Int, String) {
            templateOrder[key].map { (1, $0, key) } ?? (0, 0, key)
        }
        var children: [String: [String]] = [:]
        var roots: [String] = []
        for key in allKeys {
            if let container = parent[key] { children[container, default: []].append(key) } else { roots.append(key) }
        }
        var ordered: [String] = []
        var visited: Set<String> = []
        func visit(_ key: String) {
            guard visited.insert(key).inserted else { return }
            ordered.append(key)
            for child in (children[key] ?? []).sorted(by: { rank($0) < rank($1) }) { visit(child) }
        }
        for root in roots.sorted(by: { rank($0) < rank($1) }) { visit(root) }

        var resources: [Resource] = []
        var sourceByID: [String: IaCResource] = [:]
        for key in ordered {
            guard let id = ids[key], let kind = kindByKey[key] else { continue }
            var values: [String: AttributeValue] = ["kind": .string(kind)]
            var order = ["kind"]
            func add(_ name: String, _ value: AttributeValue) {
                guard values[name] == nil else { return }
                values[name] = value
                order.append(name)
            }
            var rest = fields[key] ?? []
            if let label = rest.first(where: { $0.0 == "label" }) { add("label", label.1); rest.removeAll { $0.0 == "label" } }
            if let container = parent[key], let containerID = ids[container] { add("in", .string(containerID)) }
            for (name, value) in rest { add(name, value) }
            let subnets = (subnetsOf[key] ?? []).compactMap { ids[$0] }
            if !subnets.isEmpty { add("subnets", .list(subnets.map { .string($0) })) }
            let location = byKey[key]?.location ?? SourceLocation(file: model.sources.first ?? "<import>", line: 1, column: 1)
            resources.append(Resource(id: id, location: location, fields: values, fieldOrder: order))
            if let source = byKey[key] { sourceByID[id] = source }
        }
        let edges: [Connection] = connections.compactMap { edge in
            guard let from = ids[edge.from], let to = ids[edge.to] else { return nil }
            let location = byKey[edge.from]?.location ?? SourceLocation(file: model.sources.first ?? "<import>", line: 1, column: 1)
            return Connection(from: from, to: to, label: edge.label, port: edge.port, protocol: edge.protocol, via: edge.via, location: location)
        }
        var groups: [String: [String]] = [:]
        for (group, members) in securityGroupMembers {
            for member in members { if let id = ids[member] { groups[id, default: []].append(group) } }
        }
        return ImportResult(
            resources: resources, connections: edges, notes: noteOrder.compactMap { notes[$0] }, idsByKey: idByKey, sourceByID: sourceByID, model: model,
            securityGroups: groups.mapValues { $0.sorted() }, ingress: ingressRules)
    }
}
