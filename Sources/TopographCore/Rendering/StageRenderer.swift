import Foundation

/// Renders one stage in one format: builds the diagram, picks the view, runs the renderer.
public struct StageRenderer: Sendable {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ topology: StageTopology, format: RenderFormat) throws -> RenderedDiagram {
        let diagram = DiagramBuilder(direction: options.direction).build(topology)
        let header = GeneratedMarker.text(source: topology.file, stage: topology.stage.name)
        switch format {
        case .mermaid:
            return renderMermaid(diagram, header: header, stageName: topology.stage.name)
        }
    }

    func renderMermaid(_ diagram: Diagram, header: String, stageName: String) -> RenderedDiagram {
        let renderer = MermaidRenderer()
        var warnings: [String] = []
        var chosen = diagram
        if options.view == .collapsed { chosen = DiagramCollapser().collapse(diagram) }
        var source = renderer.render(chosen, header: header)
        var problems = MermaidRenderer.limitProblems(source: source, diagram: chosen)
        if !problems.isEmpty, options.view == .auto {
            let collapsed = DiagramCollapser().collapse(diagram)
            let collapsedSource = renderer.render(collapsed, header: header)
            warnings.append(
                "stage \(stageName): the full Mermaid diagram has \(problems.joined(separator: " and ")); "
                    + "wrote a collapsed view (repeated kinds merged per container) instead. "
                    + "Use --view full to force it, or --format svg for every resource.")
            source = collapsedSource
            chosen = collapsed
            problems = MermaidRenderer.limitProblems(source: source, diagram: chosen)
        }
        if !problems.isEmpty {
            warnings.append(
                "stage \(stageName): the Mermaid diagram has \(problems.joined(separator: " and ")) and will not render on GitHub; "
                    + "split the topology or use --format svg")
        }
        return RenderedDiagram(data: Data(source.utf8), warnings: warnings)
    }
}
