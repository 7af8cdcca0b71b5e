import TopographModel

/// Two versions of one stage -> `TopologyDiff`. Renames come from `RenameDetector`; every
/// reference (`in`, `subnets`, `authorizer`, `target`, `targets`, ...: the catalog's
/// reference-typed attributes) is read through them, so a renamed subnet does not show up
/// as a change of everything placed in it.
package struct TopologyDiffer: Sendable {
    package init() {}

    package func diff(old: StageTopology, new: StageTopology) -> TopologyDiff {
        let renamed = RenameDetector().renames(old: old, new: new)
        let oldIDOfRenamed = Dictionary(uniqueKeysWithValues: renamed.map { ($0.value, $0.key) })
        let map: (String) -> String = { renamed[$0] ?? $0 }

        var changes: [ResourceChange] = []
        for resource in new.resources {
            if let oldID = oldIDOfRenamed[resource.id], let before = old.resource(oldID) {
                var change = ResourceChange(kind: .renamed, id: resource.id, oldID: oldID, resourceKind: resource.kind, attributes: attributeChanges(before, resource, map: map))
                if before.parent.map(map) != resource.parent {
                    change.oldParent = before.parent
                    change.newParent = resource.parent
                }
                changes.append(change)
            } else if let before = old.resource(resource.id) {
                let attributes = attributeChanges(before, resource, map: map)
                if before.parent.map(map) != resource.parent {
                    changes.append(ResourceChange(kind: .moved, id: resource.id, resourceKind: resource.kind, attributes: attributes, oldParent: before.parent, newParent: resource.parent))
                } else if !attributes.isEmpty {
                    changes.append(ResourceChange(kind: .changed, id: resource.id, resourceKind: resource.kind, attributes: attributes))
                }
            } else {
                changes.append(ResourceChange(kind: .added, id: resource.id, resourceKind: resource.kind, attributes: Self.allAttributes(resource, side: .new), newParent: resource.parent))
            }
        }
        for resource in old.resources where renamed[resource.id] == nil && !new.contains(resource.id) {
            changes.append(ResourceChange(kind: .removed, id: resource.id, resourceKind: resource.kind, attributes: Self.allAttributes(resource, side: .old), oldParent: resource.parent))
        }
        return TopologyDiff(resources: changes, connections: connectionChanges(old: old, new: new, map: map))
    }

    enum Side { case old, new }

    /// Every attribute of an added or removed resource but `kind` and `in` (which the
    /// change names as its parent).
    static func allAttributes(_ resource: Resource, side: Side) -> [AttributeChange] {
        resource.attributeNames.filter { $0 != "kind" && $0 != "in" }.compactMap { name in
            guard let value = resource.fields[name] else { return nil }
            let changeClass: ChangeClass = KindDiffTraits.documentation.contains(name) ? .documentation : .architecture
            return side == .new ? AttributeChange(path: name, old: nil, new: value, changeClass: changeClass) : AttributeChange(path: name, old: value, new: nil, changeClass: changeClass)
        }
    }

    /// The attributes that differ, in the new version's order. References are compared
    /// through `map`; unordered lists as multisets; maps entry by entry; `label` and `name`
    /// (which default to the id) by their effective values when either side writes them.
    func attributeChanges(_ old: Resource, _ new: Resource, map: (String) -> String) -> [AttributeChange] {
        var names = new.attributeNames
        for name in old.attributeNames where !names.contains(name) { names.append(name) }
        let references = (KindCatalog.spec(new.kind)?.referenceAttributes ?? []).union(KindCatalog.spec(old.kind)?.referenceAttributes ?? [])
        var result: [AttributeChange] = []
        for name in names where name != "in" {
            let changeClass: ChangeClass = KindDiffTraits.documentation.contains(name) ? .documentation : .architecture
            var before = old.fields[name]
            var after = new.fields[name]
            if name == "label" || name == "name" {
                before = before ?? .string(old.id)
                after = after ?? .string(new.id)
            }
            if same(before, after, attribute: name, kind: new.kind, isReference: references.contains(name), map: map) { continue }
            if case .map(let oldEntries)? = before, case .map(let newEntries)? = after {
                var keys = newEntries.map(\.key)
                for entry in oldEntries where !keys.contains(entry.key) { keys.append(entry.key) }
                for key in keys {
                    let a = oldEntries.first { $0.key == key }?.value
                    let b = newEntries.first { $0.key == key }?.value
                    if a != b { result.append(AttributeChange(path: "\(name).\(key)", old: a, new: b, changeClass: changeClass)) }
                }
            } else {
                result.append(AttributeChange(path: name, old: before, new: after, changeClass: changeClass))
            }
        }
        return result
    }

    private func same(_ before: AttributeValue?, _ after: AttributeValue?, attribute: String, kind: KindID, isReference: Bool, map: (String) -> String) -> Bool {
        guard var before, let after else { return before == nil && after == nil }
        if isReference {
            switch before {
            case .string(let id): before = .string(map(id))
            case .list(let items): before = .list(items.map { $0.stringValue.map { .string(map($0)) } ?? $0 })
            default: break
            }
        }
        if KindDiffTraits.isUnordered(attribute, kind: kind), case .list(let a) = before, case .list(let b) = after {
            func multiset(_ items: [AttributeValue]) -> [String] { items.map { $0.typeName + "\u{0}" + $0.description }.sorted() }
            return multiset(a) == multiset(b)
        }
        return before == after
    }

    func connectionChanges(old: StageTopology, new: StageTopology, map: (String) -> String) -> [ConnectionChange] {
        func key(_ from: String, _ to: String) -> String { "\(from)\u{0}\(to)" }
        var oldByEnds: [String: [Connection]] = [:]
        var order: [String] = []
        for var connection in old.connections {
            connection.from = map(connection.from)
            connection.to = map(connection.to)
            let k = key(connection.from, connection.to)
            if oldByEnds[k] == nil { order.append(k) }
            oldByEnds[k, default: []].append(connection)
        }
        var newByEnds: [String: [Connection]] = [:]
        var newOrder: [String] = []
        for connection in new.connections {
            let k = key(connection.from, connection.to)
            if newByEnds[k] == nil { newOrder.append(k) }
            newByEnds[k, default: []].append(connection)
        }
        var changes: [ConnectionChange] = []
        for k in newOrder + order.filter({ newByEnds[$0] == nil }) {
            var before = oldByEnds[k] ?? []
            var after = newByEnds[k] ?? []
            // Identical edges on both sides are not changes.
            for connection in after where before.contains(connection) {
                before.remove(at: before.firstIndex(of: connection)!)
                after.remove(at: after.firstIndex(of: connection)!)
            }
            while let a = before.first, let b = after.first {
                changes.append(ConnectionChange(kind: .relabelled, from: b.from, to: b.to, old: a, new: b))
                before.removeFirst()
                after.removeFirst()
            }
            for connection in after { changes.append(ConnectionChange(kind: .added, from: connection.from, to: connection.to, old: nil, new: connection)) }
            for connection in before { changes.append(ConnectionChange(kind: .removed, from: connection.from, to: connection.to, old: connection, new: nil)) }
        }
        return changes
    }
}
