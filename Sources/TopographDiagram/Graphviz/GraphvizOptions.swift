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
    /// A directory of user-supplied icons, `<kind>.svg` or `<kind>.png`, embedded into
    /// the SVG so it stays self-contained.
    package var iconDirectory: String?
    /// Draw the legend of kinds used.
    package var legend: Bool

    /// Above this many edges `ortho` falls back to `spline` with a warning.
    package static let orthoLimit = 150

    package init(routing: EdgeRouting = .spline, iconDirectory: String? = nil, legend: Bool = true) {
        self.routing = routing
        self.iconDirectory = iconDirectory
        self.legend = legend
    }
}
