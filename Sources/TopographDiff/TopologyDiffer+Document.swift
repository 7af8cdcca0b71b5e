import TopographModel

/// Whole files: document-level fields, stage matching (by name, then renames by
/// similarity of what the stages do), each change once with the stages it appears in, and
/// added stages against their predecessor.
extension TopologyDiffer {
    /// Two versions of a file. `stage` compares that one stage only. When either side has
    /// no `stages:` (or is `/dev/null`), the architecture as it ends up is compared.
    package func diff(old: LoadedTopology, new: LoadedTopology, stage: String? = nil) -> DocumentDiff {
        var matched: [(StageTopology, StageTopology)] = []
        var added: [StageTopology] = []
        var removed: [String] = []
        let staged = old.document.stages.isEmpty == false && new.document.stages.isEmpty == false
        if let stage {
            if let a = old.stage(named: stage), let b = new.stage(named: stage) { matched.append((a, b)) }
        } else if !staged {
            if let a = old.stages.last, let b = new.stages.last { matched.append((a, b)) }
        } else {
            let renames = stageRenames(old: old, new: new)
            for stage in new.stages {
                let oldName = renames[stage.stage.name] ?? stage.stage.name
                if let before = old.stage(named: oldName) { matched.append((before, stage)) } else { added.append(stage) }
            }
            let used = Set(matched.map(\.0.stage.name))
            removed = old.stageNames.filter { !used.contains($0) }
        }
        let pairs = matched.map { DocumentDiff.StagePair(oldName: $0.0.stage.name, name: $0.1.stage.name, diff: diff(old: $0.0, new: $0.1), oldStage: $0.0, newStage: $0.1) }
        let addedStages = added.map { stage -> DocumentDiff.AddedStage in
            let base = stage.stage.index > 0 ? new.stages[stage.stage.index - 1] : nil
            let empty = StageTopology(metadata: stage.metadata, stage: stage.stage, resources: [], connections: [], file: stage.file)
            return DocumentDiff.AddedStage(name: stage.stage.name, base: base?.stage.name, diff: diff(old: base ?? empty, new: stage), baseStage: base, newStage: stage)
        }
        let absent = old.metadata.name.isEmpty || new.metadata.name.isEmpty
        return DocumentDiff(
            oldSource: old.file, newSource: new.file, document: absent ? [] : documentChanges(old: old, new: new, pairs: pairs),
            pairs: pairs, groups: Self.group(pairs), stagesAdded: addedStages, stagesRemoved: removed,
            stagesRenamed: staged && stage == nil ? pairs.filter { $0.oldName != $0.name }.map { .init(old: $0.oldName, new: $0.name) } : [])
    }

    /// Two stages of one file (`--stages V1..V2`).
    package func diff(stages old: StageTopology, _ new: StageTopology, source: String) -> DocumentDiff {
        let pair = DocumentDiff.StagePair(oldName: old.stage.name, name: new.stage.name, diff: diff(old: old, new: new), oldStage: old, newStage: new)
        return DocumentDiff(
            oldSource: "\(source) (stage \(old.stage.name))", newSource: "\(source) (stage \(new.stage.name))", document: [],
            pairs: [pair], groups: Self.group([pair]).map { group in
                var group = group
                group.stages = [new.stage.name]
                return group
            }, stagesAdded: [], stagesRemoved: [])
    }

    /// Each distinct change once, with the compared stages it appears in; groups of all
    /// stages first, then by first stage.
    static func group(_ pairs: [DocumentDiff.StagePair]) -> [DocumentDiff.ChangeGroup] {
        var resourceStages: [ResourceChange: [Int]] = [:]
        var resourceOrder: [ResourceChange] = []
        var connectionStages: [ConnectionChange: [Int]] = [:]
        var connectionOrder: [ConnectionChange] = []
        for (index, pair) in pairs.enumerated() {
            for change in pair.diff.resources {
                if resourceStages[change] == nil { resourceOrder.append(change) }
                if resourceStages[change]?.last != index { resourceStages[change, default: []].append(index) }
            }
            for change in pair.diff.connections {
                if connectionStages[change] == nil { connectionOrder.append(change) }
                if connectionStages[change]?.last != index { connectionStages[change, default: []].append(index) }
            }
        }
        var groups: [[Int]: TopologyDiff] = [:]
        for change in resourceOrder { groups[resourceStages[change]!, default: TopologyDiff()].resources.append(change) }
        for change in connectionOrder { groups[connectionStages[change]!, default: TopologyDiff()].connections.append(change) }
        let all = Array(pairs.indices)
        return groups.keys.sorted { a, b in
            if (a == all) != (b == all) { return a == all }
            if a[0] != b[0] { return a[0] < b[0] }
            if a.count != b.count { return a.count > b.count }
            return a.lexicographicallyPrecedes(b)
        }.map { DocumentDiff.ChangeGroup(stages: $0.map { pairs[$0].name }, allStages: $0 == all, diff: groups[$0]!) }
    }

    /// New stage name -> old stage name, for stages found under another name: what the
    /// stage does (its adds, changes and removals) is similar enough (Jaccard >= 0.5), or
    /// both do nothing and sit at the same position.
    func stageRenames(old: LoadedTopology, new: LoadedTopology) -> [String: String] {
        let oldNames = Set(old.stageNames)
        let newNames = Set(new.stageNames)
        let gone = old.document.stages.enumerated().filter { !newNames.contains($0.element.name) }
        let appeared = new.document.stages.enumerated().filter { !oldNames.contains($0.element.name) }
        var candidates: [(score: Double, old: Int, new: Int)] = []
        for (i, before) in gone {
            for (j, after) in appeared {
                let a = Self.features(before), b = Self.features(after)
                let score = a.isEmpty && b.isEmpty ? (i == j ? 1 : 0) : Double(a.intersection(b).count) / Double(a.union(b).count)
                if score >= 0.5 { candidates.append((score, i, j)) }
            }
        }
        candidates.sort { ($0.score, -$0.old, -$0.new) > ($1.score, -$1.old, -$1.new) }
        var result: [String: String] = [:]
        var usedOld: Set<Int> = []
        for candidate in candidates where !usedOld.contains(candidate.old) && result[new.document.stages[candidate.new].name] == nil {
            usedOld.insert(candidate.old)
            result[new.document.stages[candidate.new].name] = old.document.stages[candidate.old].name
        }
        return result
    }

    static func features(_ stage: StageDefinition) -> Set<String> {
        var features: Set<String> = []
        for removal in stage.removals {
            switch removal {
            case .resource(let id, _): features.insert("remove:\(id)")
            case .connection(let from, let to, _): features.insert("remove:\(from)->\(to)")
            }
        }
        for change in stage.changes {
            for (name, value) in change.fieldMap.values { features.insert("change:\(change.id).\(name)=\(value.description)") }
        }
        for resource in stage.addedResources {
            features.insert("add:\(resource.id)")
            for (name, value) in resource.fields { features.insert("add:\(resource.id).\(name)=\(value.description)") }
        }
        for connection in stage.addedConnections { features.insert("add:\(connection.endpoints)|\(connection.displayLabel ?? "")") }
        return features
    }

    func documentChanges(old: LoadedTopology, new: LoadedTopology, pairs: [DocumentDiff.StagePair]) -> [AttributeChange] {
        var changes: [AttributeChange] = []
        func compare(_ path: String, _ a: String?, _ b: String?, _ changeClass: ChangeClass) {
            if a != b { changes.append(AttributeChange(path: path, old: a.map { .string($0) }, new: b.map { .string($0) }, changeClass: changeClass)) }
        }
        compare("name", old.metadata.name, new.metadata.name, .architecture)
        compare("title", old.metadata.title, new.metadata.title, .architecture)
        compare("region", old.metadata.region, new.metadata.region, .architecture)
        compare("account", old.metadata.account, new.metadata.account, .architecture)
        compare("description", old.metadata.description, new.metadata.description, .documentation)
        let oldIgnores = old.document.lintIgnores.map(\.rule), newIgnores = new.document.lintIgnores.map(\.rule)
        if Set(oldIgnores) != Set(newIgnores) {
            changes.append(AttributeChange(
                path: "lint.ignore", old: oldIgnores.isEmpty ? nil : .list(oldIgnores.map { .string($0) }),
                new: newIgnores.isEmpty ? nil : .list(newIgnores.map { .string($0) }), changeClass: .documentation))
        }
        for pair in pairs where pair.oldStage.stage.name != StageInfo.defaultName {
            compare("stages.\(pair.name).title", pair.oldStage.stage.title, pair.newStage.stage.title, .documentation)
            compare("stages.\(pair.name).description", pair.oldStage.stage.description, pair.newStage.stage.description, .documentation)
        }
        return changes
    }
}
