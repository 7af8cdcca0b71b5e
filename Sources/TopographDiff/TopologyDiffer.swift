import TopographModel
import TopographDiagram

/// Computes `TopologyDiff`s. Renames are found by hashing each removed and each added
/// resource's kind, attributes and connections (with its own id blanked out), so the work
/// stays linear in the number of resources.
package struct TopologyDiffer: Sendable {
    package init() {}

    package func diff(old: StageTopology, new: StageTopology) -> TopologyDiff {
        let oldIDs = Set(old.resources.map(\.id))
        let newIDs = Set(new.resources.map(\.id))
        let removedIDs = old.resources.map(\.id).filter { !newIDs.contains($0) }
        let addedIDs = new.resources.map(\.id).filter { !oldIDs.contains($0) }

        // Renames: equal signatures on both sides, matched in file order.
        var renamed: [String: String] = [:]  // old id -> new id
        var candidates: [Signature: [String]] = [:]
        for id in removedIDs {
            candidates[signature(of: old.resource(id)!, in: old), default: []].append(id)
        }
        for id in addedIDs {
            let key = signature(of: new.resource(id)!, in: new)
            if var ids = candidates[key], !ids.isEmpty {
                renamed[ids.removeFirst()] = id
                candidates[key] = ids
            }
        }
        let renamedNew = Set(renamed.values)
        let oldIDOfRenamed = Dictionary(uniqueKeysWithValues: renamed.map { ($0.value, $0.key) })
        func mapped(_ id: String?) -> String? { id.map { renamed[$0] ?? $0 } }

        var changes: [ResourceChange] = []
        for resource in new.resources {
            if let oldID = oldIDOfRenamed[resource.id] {
                changes.append(ResourceChange(kind: .renamed, id: resource.id, oldID: oldID, resourceKind: resource.kind))
                continue
            }
            guard let before = old.resource(resource.id) else {
                if !renamedNew.contains(resource.id) {
                    changes.append(ResourceChange(kind: .added, id: resource.id, resourceKind: resource.kind, newParent: resource.parent))
                }
                continue
            }
            let attributes = attributeChanges(before, resource, parentMap: mapped)
            let moved = mapped(before.parent) != resource.parent
            let others = attributes.filter { $0.path != "in" }
            if moved {
                changes.append(ResourceChange(kind: .moved, id: resource.id, resourceKind: resource.kind, attributes: others, oldParent: before.parent, newParent: resource.parent))
            } else if !others.isEmpty {
                changes.append(ResourceChange(kind: .changed, id: resource.id, resourceKind: resource.kind, attributes: others))
            }
        }
        for id in removedIDs where renamed[id] == nil {
            let resource = old.resource(id)!
            changes.append(ResourceChange(kind: .removed, id: id, resourceKind: resource.kind, oldParent: resource.parent))
        }
        return TopologyDiff(resources: changes, connections: connectionChanges(old: old, new: new, renamed: renamed))
    }

    struct Signature: Hashable {
        var kind: String
        var fields: [String: AttributeValue]
        var connections: [String]
    }

    /// A resource's identity without its id: what a rename keeps.
    func signature(of resource: Resource, in topology: StageTopology) -> Signature {
        var fields = resource.fields
        fields["label"] = nil  // the label defaults to the id, so it follows a rename
        let connections = (topology.outgoing(resource.id).map { "out\u{0}\($0.to)\u{0}\(describe($0))" }
            + topology.incoming(resource.id).map { "in\u{0}\($0.from)\u{0}\(describe($0))" }).sorted()
        return Signature(kind: resource.kind, fields: fields, connections: connections)
    }

    private func describe(_ connection: Connection) -> String {
        [connection.label ?? "", connection.port.map(String.init) ?? "", connection.protocol ?? "", connection.via ?? "", connection.notes ?? ""].joined(separator: "\u{1}")
    }

    func attributeChanges(_ old: Resource, _ new: Resource, parentMap: (String?) -> String?) -> [AttributeChange] {
        var names = new.attributeNames
        for name in old.attributeNames where !names.contains(name) { names.append(name) }
        var result: [AttributeChange] = []
        for name in names {
            var before = old.fields[name]
            let after = new.fields[name]
            if name == "in", let value = before?.stringValue { before = parentMap(value).map { .string($0) } }
            guard before != after else { continue }
            if case .map(let oldEntries)? = before, case .map(let newEntries)? = after {
                var keys = newEntries.map(\.key)
                for entry in oldEntries where !keys.contains(entry.key) { keys.append(entry.key) }
                for key in keys {
                    let a = oldEntries.first { $0.key == key }?.value
                    let b = newEntries.first { $0.key == key }?.value
                    if a != b { result.append(AttributeChange(path: "\(name).\(key)", old: a, new: b)) }
                }
            } else {
                result.append(AttributeChange(path: name, old: old.fields[name], new: after))
            }
        }
        return result
    }

    func connectionChanges(old: StageTopology, new: StageTopology, renamed: [String: String]) -> [ConnectionChange] {
        func key(_ from: String, _ to: String) -> String { "\(from)\u{0}\(to)" }
        var oldByEnds: [String: [Connection]] = [:]
        var order: [String] = []
        for var connection in old.connections {
            connection.from = renamed[connection.from] ?? connection.from
            connection.to = renamed[connection.to] ?? connection.to
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

    /// Two versions of a file: stages matched by name (a file without stages has one,
    /// `default`), or one named pair.
    package func diff(old: LoadedTopology, new: LoadedTopology, stage: String? = nil) -> DocumentDiff {
        let oldNames = old.stageNames
        let newNames = new.stageNames
        var pairs: [(StageTopology, StageTopology)] = []
        if let stage {
            if let a = old.stage(named: stage), let b = new.stage(named: stage) { pairs.append((a, b)) }
        } else if oldNames == [StageInfo.defaultName] || newNames == [StageInfo.defaultName] {
            // Stages were introduced or dropped: compare the architecture as it ends up.
            pairs.append((old.stages.last!, new.stages.last!))
        } else {
            for stage in new.stages { if let before = old.stage(named: stage.stage.name) { pairs.append((before, stage)) } }
        }
        let addedStages = stage == nil && !(oldNames == [StageInfo.defaultName] || newNames == [StageInfo.defaultName]) ? newNames.filter { !oldNames.contains($0) } : []
        let removedStages = stage == nil && !(oldNames == [StageInfo.defaultName] || newNames == [StageInfo.defaultName]) ? oldNames.filter { !newNames.contains($0) } : []
        return DocumentDiff(
            oldSource: old.file, newSource: new.file, stagesAdded: addedStages, stagesRemoved: removedStages,
            stages: pairs.map { DocumentDiff.StageDiff(name: $0.1.stage.name, oldName: $0.0.stage.name, diff: diff(old: $0.0, new: $0.1), newStage: $0.1, oldStage: $0.0) })
    }

    /// Two stages of one file (`--stages V1..V2`).
    package func diff(stages old: StageTopology, _ new: StageTopology, source: String) -> DocumentDiff {
        DocumentDiff(
            oldSource: "\(source) (stage \(old.stage.name))", newSource: "\(source) (stage \(new.stage.name))", stagesAdded: [], stagesRemoved: [],
            stages: [DocumentDiff.StageDiff(name: new.stage.name, oldName: old.stage.name, diff: diff(old: old, new: new), newStage: new, oldStage: old)])
    }
}
