import TopographModel

/// Applies each stage's `remove`, `change` and `add` (in that order) to the stage before
/// it, the first stage to the base resources, and yields one complete topology per stage.
package struct StageResolver: Sendable {
    package init() {}

    package func resolve(_ document: TopologyDocument, diagnostics bag: inout DiagnosticBag) -> [StageTopology] {
        let file = document.file
        guard !document.stages.isEmpty else {
            return [StageTopology(
                metadata: document.metadata, stage: StageInfo(name: StageInfo.defaultName, index: 0),
                resources: document.resources, connections: document.connections,
                lintIgnores: document.lintIgnores, file: file)]
        }
        var resources = document.resources
        var connections = document.connections
        var result: [StageTopology] = []
        var seenNames: [String: (name: String, location: SourceLocation)] = [:]
        for (index, definition) in document.stages.enumerated() {
            // Case-insensitively: stage names become file names, and `V1`/`v1` are one
            // file on macOS and Windows.
            let key = definition.name.lowercased()
            if let first = seenNames[key] {
                let same = first.name == definition.name
                bag.error(
                    .duplicateStage,
                    same ? "stage '\(definition.name)' is defined twice" : "stage '\(definition.name)' differs from stage '\(first.name)' only by case",
                    at: definition.location,
                    help: "stage names must be unique, ignoring case (they become file names); the first is on line \(first.location.line)")
            } else {
                seenNames[key] = (definition.name, definition.location)
            }
            apply(definition, to: &resources, &connections, bag: &bag)
            result.append(StageTopology(
                metadata: document.metadata,
                stage: StageInfo(name: definition.name, title: definition.title, description: definition.description, index: index, location: definition.location),
                resources: resources, connections: connections, lintIgnores: document.lintIgnores, file: file))
        }
        return result
    }

    private func apply(_ stage: StageDefinition, to resources: inout [Resource], _ connections: inout [Connection], bag: inout DiagnosticBag) {
        let name = stage.name
        for removal in stage.removals {
            switch removal {
            case .resource(let id, let location):
                guard resources.contains(where: { $0.id == id }) else {
                    bag.error(
                        .unknownStageTarget, "stage '\(name)' removes '\(id)', which does not exist in that stage", at: location,
                        help: Suggestions.didYouMean(id, in: resources.map(\.id)) ?? "only resources present after the previous stage can be removed")
                    continue
                }
                let doomed = Self.subtree(of: id, in: resources)
                resources.removeAll { doomed.contains($0.id) }
                connections.removeAll { doomed.contains($0.from) || doomed.contains($0.to) }
            case .connection(let from, let to, let location):
                let before = connections.count
                connections.removeAll { $0.from == from && $0.to == to }
                if connections.count == before {
                    bag.error(
                        .unknownStageTarget, "stage '\(name)' removes the connection '\(from) -> \(to)', which does not exist in that stage",
                        at: location, help: "check the direction and the ids of the connection")
                }
            }
        }
        for change in stage.changes {
            guard let index = resources.firstIndex(where: { $0.id == change.id }) else {
                bag.error(
                    .unknownStageTarget, "stage '\(name)' changes '\(change.id)', which does not exist in that stage", at: change.location,
                    help: Suggestions.didYouMean(change.id, in: resources.map(\.id)) ?? "add it under `add: resources:` instead")
                continue
            }
            resources[index].fieldMap.apply(change.fieldMap)
        }
        for added in stage.addedResources {
            if let existing = resources.first(where: { $0.id == added.id }) {
                bag.error(
                    .duplicateID, "stage '\(name)' adds '\(added.id)', which already exists in that stage (line \(existing.location.line))",
                    at: added.location, help: "use `change:` to modify an existing resource, or pick another id")
                continue
            }
            resources.append(added)
        }
        connections.append(contentsOf: stage.addedConnections)
    }

    /// `id` and everything contained in it, transitively.
    static func subtree(of id: String, in resources: [Resource]) -> Set<String> {
        var children: [String: [String]] = [:]
        for resource in resources {
            if let parent = resource.parent { children[parent, default: []].append(resource.id) }
        }
        var result: Set<String> = []
        var queue = [id]
        while let next = queue.popLast() {
            guard result.insert(next).inserted else { continue }
            queue.append(contentsOf: children[next] ?? [])
        }
        return result
    }
}
