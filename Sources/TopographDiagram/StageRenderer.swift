import Foundation
import TopographModel

/// Renders one stage in one format: builds the diagram, picks the view, runs the renderer.
package struct StageRenderer: Sendable {
    package var options: RenderOptions

    package init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    package func render(_ topology: StageTopology, format: RenderFormat) throws -> RenderedDiagram {
        let direction = options.direction ?? (format == .mermaid ? .topToBottom : .leftToRight)
        let diagram = PhaseTiming.measure("diagram") { DiagramBuilder(direction: direction).build(topology) }
        let header = GeneratedMarker.text(source: topology.file, stage: topology.stage.name)
        switch format {
        case .mermaid:
            return renderMermaid(diagram, header: header, stageName: topology.stage.name)
        case .dot, .svg, .png:
            return try renderGraphviz(diagram, header: header, format: format, chooseView: true)
        }
    }

    /// Above this many nodes `--view auto` draws the collapsed view in SVG, PNG and DOT too.
    package static let graphvizCollapseAbove = 60

    /// The DOT is laid out in-process by the same engine `dot` uses.
    /// `chooseView`: apply `--view` (a diff's marked diagram is drawn as given).
    package func renderGraphviz(_ diagram: Diagram, header: String, format: RenderFormat, chooseView: Bool = false) throws -> RenderedDiagram {
        var warnings: [String] = []
        var diagram = diagram
        // DOT is only text: the budget guards the layout, which `.dot` does not run.
        if format != .dot, let excess = options.layoutBudget.excess(of: diagram) {
            let collapsed = DiagramCollapser().collapse(diagram)
            if options.view != .full, options.layoutBudget.excess(of: collapsed) == nil {
                warnings.append(
                    "\(diagram.title): \(excess) is over Graphviz's layout budget; drew the collapsed view "
                        + "(repeated kinds merged per container) instead")
                diagram = collapsed
            } else {
                throw LayoutBudget.Exceeded(description:
                    "\(excess) is over Graphviz's layout budget\(options.view == .full ? "" : ", even collapsed")"
                        + "; laying it out would take minutes and gigabytes. Split the topology, or use --format mermaid")
            }
        } else if chooseView, options.view == .collapsed || (options.view == .auto && diagram.allNodes.count > Self.graphvizCollapseAbove) {
            // Graphviz draws every resource at any size, but past a few dozen nodes of
            // repeated kinds the picture is a hairball: auto collapses those, as for Mermaid.
            let collapsed = DiagramCollapser().collapse(diagram)
            if options.view == .auto, collapsed.allNodes.count < diagram.allNodes.count {
                warnings.append(
                    "\(diagram.title): \(diagram.allNodes.count) nodes; drew the collapsed view (repeated kinds merged per container). "
                        + "Use --view full for every resource.")
            }
            diagram = collapsed
        }
        let renderer = GraphvizRenderer(options: options.graphviz)
        let laidOut = PhaseTiming.measure("reference layout") { ReferenceLayout().apply(diagram) }
        let source = PhaseTiming.measure("dot text") { renderer.dot(laidOut, header: header, warnings: &warnings) }
        let icons = IconSet(source: options.graphviz.icons).used(by: laidOut)
        switch format {
        case .dot:
            return RenderedDiagram(data: Data(source.utf8), warnings: warnings)
        case .svg:
            let svg = try GraphvizEngine.shared.render(dot: source, format: "svg")
            let fingerprint = PhaseTiming.measure("fingerprint") { layoutFingerprint(source, format: format, icons: icons) }
            let finished = PhaseTiming.measure("finish svg") { GraphvizOutput.finishSVG(svg, marker: header, fingerprint: fingerprint, icons: icons) }
            return RenderedDiagram(data: finished, warnings: warnings)
        case .png:
            guard GraphvizEngine.shared.supports(format: "png") else {
                throw GraphvizEngine.Failure(description: "PNG needs Graphviz's cairo plugin, which this system lacks (Debian: apt-get install libgvc6-plugins-gtk or graphviz); SVG works without it")
            }
            let png = try GraphvizEngine.shared.render(dot: source, format: "png:cairo")
            let fingerprint = layoutFingerprint(source, format: format, icons: icons)
            return RenderedDiagram(data: GraphvizOutput.finishPNG(png, marker: header, fingerprint: fingerprint), warnings: warnings)
        case .mermaid:
            preconditionFailure("Mermaid is not drawn by Graphviz")
        }
    }

    /// Icons are part of what an image was made from: a changed icon file changes the image.
    /// The DOT names them by absolute path (a checkout or a temporary folder of this machine),
    /// so the hash sees each path as its kind and its bytes instead.
    /// Icons count by the kind or frame they draw and by their bytes, not by the path of a
    /// file on this machine (the DOT names the downscaled copy), so two machines agree.
    private func layoutFingerprint(_ dot: String, format: RenderFormat, icons used: [String]) -> String {
        GraphvizOutput.fingerprint(dot: dot, format: format.rawValue, files: IconSet(source: options.graphviz.icons).files, used: used)
    }

    func renderMermaid(_ diagram: Diagram, header: String, stageName: String) -> RenderedDiagram {
        let chooser = MermaidViewChooser(direction: options.direction, view: options.view)
        let choice = chooser.choose(diagram, header: header, stageName: stageName)
        return RenderedDiagram(data: Data(choice.source.utf8), warnings: choice.warnings)
    }
}
