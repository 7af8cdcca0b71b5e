import TopographModel

/// How much of a hand-written topology an import recovered: resources (same id and kind,
/// after `--ids-from` pairing), nestings (same container) and connections (same ends).
/// Resources no template declares (users, the internet, external services) are not counted.
package struct ImportComparison: Sendable, Hashable {
    package var resources: (recovered: Int, total: Int)
    package var nestings: (recovered: Int, total: Int)
    package var connections: (recovered: Int, total: Int)

    package init(documented: StageTopology, imported: StageTopology) {
        let counted = documented.resources.filter { !KindIaCTypes.notInTemplates.contains($0.kind) }
        let found = counted.filter { imported.resource($0.id)?.kind == $0.kind }
        let nested = counted.filter { $0.parent != nil }
        let sameParent = nested.filter { imported.resource($0.id)?.parent == $0.parent }
        let edges = Set(imported.connections.map { "\($0.from)\u{0}\($0.to)" })
        let recoveredEdges = documented.connections.filter { edges.contains("\($0.from)\u{0}\($0.to)") }
        resources = (found.count, counted.count)
        nestings = (sameParent.count, nested.count)
        connections = (recoveredEdges.count, documented.connections.count)
    }

    package var summary: String {
        "resources \(resources.recovered)/\(resources.total), nestings \(nestings.recovered)/\(nestings.total), connections \(connections.recovered)/\(connections.total) recovered"
    }

    package static func == (lhs: ImportComparison, rhs: ImportComparison) -> Bool { lhs.summary == rhs.summary }
    package func hash(into hasher: inout Hasher) { hasher.combine(summary) }
}
