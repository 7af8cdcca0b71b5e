import TopographModel

/// What a diff diagram draws over a topology: marks on changed resources and connections,
/// ghosts of removed ones where they used to be, and words added to captions. The diff's
/// drawing (`DiffDiagram`) builds it from a `TopologyDiff`; `DiagramBuilder` only draws it.
package struct DiffOverlay: Sendable {
    /// A connection by its ends, the key of an edge mark.
    package struct Endpoints: Hashable, Sendable {
        package var from: String
        package var to: String

        package init(from: String, to: String) {
            self.from = from
            self.to = to
        }

        package init(_ connection: Connection) {
            self.init(from: connection.from, to: connection.to)
        }
    }

    /// Resource or container id -> mark.
    package var marks: [String: DiffMark] = [:]
    package var edgeMarks: [Endpoints: DiffMark] = [:]
    /// Resources and connections removed since the old version, drawn as ghosts.
    package var ghosts: [Resource] = []
    package var ghostConnections: [Connection] = []
    /// Words added to an element's caption ("renamed from uploads", "moved from public-b").
    package var annotations: [String: String] = [:]

    package init(
        marks: [String: DiffMark] = [:], edgeMarks: [Endpoints: DiffMark] = [:], ghosts: [Resource] = [],
        ghostConnections: [Connection] = [], annotations: [String: String] = [:]
    ) {
        self.marks = marks
        self.edgeMarks = edgeMarks
        self.ghosts = ghosts
        self.ghostConnections = ghostConnections
        self.annotations = annotations
    }
}
