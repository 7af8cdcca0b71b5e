import TopographModel

/// Narrows what was read to the scope asked for. With `--vpc`, what sits in the VPC, plus
/// what has no VPC (buckets, tables, APIs, queues) when the import connects it, directly or
/// through other such resources, to something in the VPC. With `--tag`, what carries every
/// tag given, plus the containers (VPC, subnets) that place it. Folded resources (security
/// groups, listeners, target groups) always stay: they prove the connections.
enum AWSScopeFilter {
    static func apply(_ scope: AWSScope, to model: IaCModel) -> IaCModel {
        guard !scope.isWholeRegion else { return model }
        let imported = TopologyImporter().run(model)
        let stage = imported.topology(name: "scope")
        var chain: [String: Set<String>] = [:]
        for resource in stage.resources {
            var ids: Set<String> = [resource.id]
            for start in [resource.parent].compactMap({ $0 }) + resource.subnets {
                ids.insert(start)
                for ancestor in stage.ancestors(of: start) { ids.insert(ancestor.id) }
            }
            chain[resource.id] = ids
        }
        func keyOf(_ id: String) -> String? { imported.sourceByID[id]?.key }
        let vpcID = scope.vpc.flatMap { vpc in imported.idsByKey[vpc] }
        var kept: Set<String> = []
        for resource in stage.resources {
            var keep = true
            if let vpcID { keep = chain[resource.id]?.contains(vpcID) == true }
            if keep, !scope.tags.isEmpty, let source = imported.sourceByID[resource.id] {
                keep = scope.tags.allSatisfy { ImportBuilder.tag($0.key, of: source)?.literal == $0.value }
            }
            if keep { kept.insert(resource.id) }
        }
        if vpcID != nil {
            // Resources outside every VPC, reached from inside through connections.
            let outside = Set(stage.resources.filter { chain[$0.id]?.count == 1 && $0.kind != .vpc }.map(\.id))
            var changed = true
            while changed {
                changed = false
                for resource in stage.resources where outside.contains(resource.id) && !kept.contains(resource.id) {
                    // An autoscaling target of a kept service.
                    if let target = resource.fields["target"]?.stringValue, kept.contains(target) {
                        kept.insert(resource.id)
                        changed = true
                    }
                }
                for connection in stage.connections {
                    for (from, to) in [(connection.from, connection.to), (connection.to, connection.from)]
                    where kept.contains(from) && outside.contains(to) && !kept.contains(to) {
                        kept.insert(to)
                        changed = true
                    }
                }
            }
        } else {
            for id in kept { kept.formUnion(chain[id] ?? []) }
        }
        let keptKeys = Set(kept.compactMap(keyOf))
        let nodeKeys = Set(imported.sourceByID.values.map(\.key))
        var result = model
        result.resources = model.resources.filter { !nodeKeys.contains($0.key) || keptKeys.contains($0.key) }
        return result
    }
}
