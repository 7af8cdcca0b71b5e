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
            // A group too long to search is not built: each of its stages keeps the file order.
            let searchable = options.stageGroup.count <= LayoutOrdering.groupLimit
            let group = searchable && options.stageGroup.contains(where: { $0.stage.name == topology.stage.name })
                ? options.stageGroup.map { DiagramBuilder(direction: direction).build($0) } : []
            return try renderGraphviz(diagram, header: header, format: format, chooseView: true, group: group, search: searchable)
        case .html:
            throw GraphvizEngine.Failure(description: "HTML is one page for every stage: TopographHTML's HTMLPageBuilder builds it")
        }
    }

    /// Above this many nodes `--view auto` draws the collapsed view in SVG, PNG and DOT too.
    package static let graphvizCollapseAbove = 60

    /// The DOT is laid out in-process by the same engine `dot` uses.
    /// `chooseView`: apply `--view` (a diff's marked diagram is drawn as given).
    /// `group`: the diagrams of every stage this one is drawn alongside (its own included),
    /// laid out with one ordering so that a resource that persists keeps its place.
    /// `search`: whether candidate layouts may be tried at all (see `LayoutOrdering`).
    package func renderGraphviz(_ diagram: Diagram, header: String, format: RenderFormat, chooseView: Bool = false, group: [Diagram] = [], search: Bool = true) throws -> RenderedDiagram {
        var warnings: [String] = []
        let prepared = try prepare(diagram, format: format, chooseView: chooseView, warnings: &warnings)
        let laidOut = PhaseTiming.measure("reference layout") { ReferenceLayout().apply(prepared) }
        let icons = IconSet(source: options.graphviz.icons).used(by: laidOut)
        let searched = search && laidOut.allNodes.count <= LayoutOrdering.searchLimit
        let candidates = searched ? try groupOrdering(group, format: format).map { [$0] } ?? LayoutOrdering.candidates : [LayoutOrdering.fileOrder]
        func source(_ ordering: LayoutOrdering, overrides: [Int: EdgeLabelPlacement] = [:]) -> String {
            var graphviz = ordering.graphviz(options.graphviz)
            graphviz.labelOverrides = overrides
            var discarded: [String] = []
            return GraphvizRenderer(options: graphviz).dot(ordering.apply(laidOut), header: header, warnings: &discarded)
        }
        // Warnings (ortho refused, ...) are the same for every candidate: taken once.
        let sources = PhaseTiming.measure("dot text") {
            [GraphvizRenderer(options: candidates[0].graphviz(options.graphviz)).dot(candidates[0].apply(laidOut), header: header, warnings: &warnings)]
                + candidates.dropFirst().map { source($0) }
        }
        let finish = LayoutFinish(for: laidOut)
        var chosen = sources[0]
        var svg: Data?
        if searched || format == .svg {
            // A searched diagram's chosen candidate is judged even alone (the group's
            // ordering): the untangling pass starts from its score.
            let best = try GraphvizEngine.shared.renderBest(sources, format: format == .svg ? "svg" : nil, enough: 0, judgeLone: searched, finish: finish)
            chosen = sources[best.chosen]
            svg = best.data
            if searched, let untangled = try untangle(best.scores[best.chosen], ordering: candidates[best.chosen], source: source) {
                chosen = untangled
                svg = nil
            }
        }
        switch format {
        case .dot:
            return RenderedDiagram(data: Data(chosen.utf8), warnings: warnings)
        case .svg:
            let data = try svg ?? GraphvizEngine.shared.renderBest([chosen], format: "svg", finish: finish).data ?? Data()
            let fingerprint = PhaseTiming.measure("fingerprint") { layoutFingerprint(chosen, format: format, icons: icons) }
            let finished = PhaseTiming.measure("finish svg") { GraphvizOutput.finishSVG(data, marker: header, fingerprint: fingerprint, icons: icons) }
            return RenderedDiagram(data: finished, warnings: warnings)
        case .png:
            guard GraphvizEngine.shared.supports(format: "png") else {
                throw GraphvizEngine.Failure(description: "PNG needs Graphviz's cairo plugin, which this system lacks (Debian: apt-get install libgvc6-plugins-gtk or graphviz); SVG works without it")
            }
            // The candidate is judged on the font-independent layout SVG uses, so SVG and PNG agree.
            let png = try GraphvizEngine.shared.render(dot: chosen, format: "png:cairo", finish: finish)
            let fingerprint = layoutFingerprint(chosen, format: format, icons: icons)
            return RenderedDiagram(data: GraphvizOutput.finishPNG(png, marker: header, fingerprint: fingerprint), warnings: warnings)
        case .mermaid, .html:
            preconditionFailure("\(format.rawValue) is not drawn by Graphviz")
        }
    }

    /// One pass over the labelled edges that take part in a crossing: each label tried in
    /// the other frames it may sit in, kept where the score improves. The ordering (and so
    /// every node's relative place) stays; only where a label's node sits changes. nil when
    /// nothing improved.
    private func untangle(_ score: LayoutScore, ordering: LayoutOrdering, source: (LayoutOrdering, [Int: EdgeLabelPlacement]) -> String) throws -> String? {
        var overrides: [Int: EdgeLabelPlacement] = [:]
        var best = score
        for number in score.crossingLabels.sorted() {
            for placement in EdgeLabelPlacement.allCases where placement != (overrides[number] ?? ordering.labels) {
                var trial = overrides
                trial[number] = placement
                let scored = try GraphvizEngine.shared.renderBest([source(ordering, trial)], format: nil).scores[0]
                if scored < best {
                    best = scored
                    overrides = trial
                }
            }
        }
        return overrides.isEmpty ? nil : source(ordering, overrides)
    }

    /// The view actually drawn: collapsed when `--view` or the layout budget asks for it.
    private func prepare(_ diagram: Diagram, format: RenderFormat, chooseView: Bool, warnings: inout [String]) throws -> Diagram {
        // DOT is only text: the budget guards the layout, which `.dot` does not run.
        if format != .dot, let excess = options.layoutBudget.excess(of: diagram) {
            let collapsed = DiagramCollapser().collapse(diagram)
            if options.view != .full, options.layoutBudget.excess(of: collapsed) == nil {
                warnings.append(
                    "\(diagram.title): \(excess) is over Graphviz's layout budget; drew the collapsed view "
                        + "(repeated kinds merged per container) instead")
                return collapsed
            }
            throw LayoutBudget.Exceeded(description:
                "\(excess) is over Graphviz's layout budget\(options.view == .full ? "" : ", even collapsed")"
                    + "; laying it out would take minutes and gigabytes. Split the topology, or use --format mermaid")
        }
        if chooseView, options.view == .collapsed || (options.view == .auto && diagram.allNodes.count > Self.graphvizCollapseAbove) {
            // Graphviz draws every resource at any size, but past a few dozen nodes of
            // repeated kinds the picture is a hairball: auto collapses those, as for Mermaid.
            let collapsed = DiagramCollapser().collapse(diagram)
            if options.view == .auto, collapsed.allNodes.count < diagram.allNodes.count {
                warnings.append(
                    "\(diagram.title): \(diagram.allNodes.count) nodes; drew the collapsed view (repeated kinds merged per container). "
                        + "Use --view full for every resource.")
            }
            return collapsed
        }
        return diagram
    }

    /// One ordering for every stage of the group: the one whose layouts have the lowest
    /// summed score (the file order when it already draws them all without crossings).
    /// nil when there is no group to keep stable, or a stage is too big to search.
    private func groupOrdering(_ group: [Diagram], format: RenderFormat) throws -> LayoutOrdering? {
        guard group.count > 1 else { return nil }
        var prepared: [Diagram] = []
        for diagram in group {
            var discarded: [String] = []
            let stage = ReferenceLayout().apply(try prepare(diagram, format: format == .dot ? .svg : format, chooseView: true, warnings: &discarded))
            guard stage.allNodes.count <= LayoutOrdering.searchLimit else { return nil }
            prepared.append(stage)
        }
        func sources(_ ordering: LayoutOrdering) -> [String] {
            prepared.map { stage in
                var discarded: [String] = []
                return GraphvizRenderer(options: ordering.graphviz(options.graphviz)).dot(ordering.apply(stage), header: nil, warnings: &discarded)
            }
        }
        let fileOrder = sources(.fileOrder)
        func total(_ sources: [String]) throws -> LayoutScore {
            try sources.reduce(LayoutScore()) { $0 + (try GraphvizEngine.shared.renderBest([$1], format: nil).scores[0]) }
        }
        return try LayoutOrderingCache.shared.ordering(for: fileOrder) {
            let first = try total(fileOrder)
            if first.value == 0 { return .fileOrder }
            let totals = try [first] + LayoutOrdering.candidates.dropFirst().map { try total(sources($0)) }
            // `min(by:)` keeps the earliest of equals.
            return LayoutOrdering.candidates[totals.indices.min { totals[$0] < totals[$1] } ?? 0]
        }
    }

    /// Icons are part of what an image was made from: a changed icon file changes the image.
    /// The DOT names them by absolute path (a checkout or a temporary folder of this machine),
    /// so the hash sees each path as its kind and its bytes instead.
    /// Icons count by the kind or frame they draw and by their bytes, not by the path of a
    /// file on this machine (the DOT names the downscaled copy), so two machines agree.
    private func layoutFingerprint(_ dot: String, format: RenderFormat, icons used: [String]) -> String {
        let set = IconSet(source: options.graphviz.icons)
        return GraphvizOutput.fingerprint(dot: dot, format: format.rawValue, files: set.files, originals: set.originals, used: used)
    }

    func renderMermaid(_ diagram: Diagram, header: String, stageName: String) -> RenderedDiagram {
        let chooser = MermaidViewChooser(direction: options.direction, view: options.view)
        let choice = chooser.choose(diagram, header: header, stageName: stageName)
        return RenderedDiagram(data: Data(choice.source.utf8), warnings: choice.warnings)
    }
}
