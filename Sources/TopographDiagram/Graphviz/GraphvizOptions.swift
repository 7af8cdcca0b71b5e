import TopographModel

/// How edges are routed. `ortho` looks like hand-drawn AWS diagrams but Graphviz's
/// orthogonal router is super-linear: the peer benchmark saw 0.4 s at 100 services and
/// more than 300 s at 1,000, so it is opt-in and refused above `GraphvizOptions.orthoLimit`.
package enum EdgeRouting: String, CaseIterable, Sendable {
    case spline
    case polyline
    case ortho
}

package struct GraphvizOptions: Sendable {
    package var routing: EdgeRouting
    /// Where icons come from; they are embedded into the SVG so it stays self-contained.
    package var icons: IconSource
    /// Draw the legend of kinds used.
    package var legend: Bool
    /// Where an edge's label node sits: in the innermost frame holding both ends, or one
    /// frame further in on the tail's side (a layout-search choice, see `LayoutOrdering`).
    var labelsBesideTail = false

    /// Above this many edges `ortho` falls back to `spline` with a warning.
    package static let orthoLimit = 150

    package init(routing: EdgeRouting = .spline, icons: IconSource = .none, legend: Bool = true) {
        self.routing = routing
        self.icons = icons
        self.legend = legend
    }

    package init(routing: EdgeRouting = .spline, iconDirectory: String?, legend: Bool = true) {
        self.init(routing: routing, icons: iconDirectory.map(IconSource.directory) ?? .none, legend: legend)
    }
}
