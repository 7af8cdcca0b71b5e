import TopographModel
import TopographDiff

/// The PR diagram as a marked `Diagram` (the renderers draw it): the changed elements of
/// one stage and their direct neighbours, with the containers they sit in, top to bottom.
/// Removed resources and connections come back as ghosts where they were; renamed and
/// moved ones say so in their caption. Never a changed element folded into a group.
package enum DiffDiagram {
    package static func build(_ diff: DocumentDiff) -> Diagram? {
        guard let stage = diff.diagramStage else { return nil }
        return build(old: stage.old, new: stage.new, diff: stage.diff)
    }

    package static func build(old: StageTopology?, new: StageTopology, diff: TopologyDiff) -> Diagram {
        // Notes and links do not change the picture.
        let diff = diff.ignoringDocumentation()
        var overlay = DiffOverlay()
        let removedIDs = Set(diff.resources.filter { $0.kind == .removed }.map(\.id))
        for change in diff.resources {
            switch change.kind {
            case .added: overlay.marks[change.id] = .added
            case .changed: overlay.marks[change.id] = .changed
            case .moved:
                overlay.marks[change.id] = .moved
                overlay.annotations[change.id] = "moved from \(change.oldParent ?? "top level")"
            case .renamed:
                overlay.marks[change.id] = .renamed
                overlay.annotations[change.id] = "renamed from \(change.oldID ?? "")"
            case .removed:
                guard var ghost = old?.resource(change.id) else { continue }
                if let parent = ghost.parent, !new.contains(parent), !removedIDs.contains(parent) { ghost.fields["in"] = nil }
                overlay.ghosts.append(ghost)
            }
        }
        let drawable = Set(new.resources.map(\.id)).union(overlay.ghosts.map(\.id))
        for change in diff.connections {
            switch change.kind {
            case .added: overlay.edgeMarks[DiffOverlay.Endpoints(from: change.from, to: change.to)] = .added
            case .relabelled: overlay.edgeMarks[DiffOverlay.Endpoints(from: change.from, to: change.to)] = .changed
            case .removed:
                if let connection = change.old, drawable.contains(connection.from), drawable.contains(connection.to) { overlay.ghostConnections.append(connection) }
            }
        }

        // Focus: what changed, the ends of changed edges, one hop of neighbours, and the
        // containers all of them sit in.
        var drawn = new
        if !diff.isEmpty {
            let changed = Set(overlay.marks.keys).union(overlay.ghosts.map(\.id))
            var keep = changed
            for connection in overlay.ghostConnections { keep.formUnion([connection.from, connection.to]) }
            for change in diff.connections where change.kind != .removed { keep.formUnion([change.from, change.to]) }
            for connection in new.connections + overlay.ghostConnections where changed.contains(connection.from) || changed.contains(connection.to) {
                keep.formUnion([connection.from, connection.to])
            }
            let ghostByID = Dictionary(overlay.ghosts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for id in keep {
                var current = new.resource(id)?.parent ?? ghostByID[id]?.parent
                var steps = 0
                while let parent = current, steps < 64 {
                    keep.insert(parent)
                    current = new.resource(parent)?.parent ?? ghostByID[parent]?.parent
                    steps += 1
                }
            }
            drawn = StageTopology(
                metadata: new.metadata, stage: new.stage, resources: new.resources.filter { keep.contains($0.id) },
                connections: new.connections.filter { keep.contains($0.from) && keep.contains($0.to) },
                lintIgnores: new.lintIgnores, file: new.file)
            overlay.ghosts = overlay.ghosts.filter { keep.contains($0.id) }
        }
        return DiagramBuilder(direction: .topToBottom, overlay: overlay).build(drawn)
    }

    /// Mermaid source within GitHub's limits: if the focused diagram is still too big,
    /// unchanged siblings fold into groups; changed ones stay.
    package static func mermaid(_ diagram: Diagram) -> String {
        let source = MermaidRenderer().render(diagram)
        guard !MermaidRenderer.limitProblems(source: source, diagram: diagram).isEmpty else { return source }
        return MermaidRenderer().render(DiagramCollapser(keepsMarked: true).collapse(diagram))
    }
}
