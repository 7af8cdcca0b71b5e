import TopographModel

/// Picks the Mermaid view of a stage. GitHub draws Mermaid into a ~1000 px column, so a
/// drawing wider than ~2000 px shows its 16 px labels below 8 px. Under `--view auto` (and
/// no `--direction`) the candidates are, in order: full TB, full LR, the same two at
/// tighter node spacing, then collapsed TB, collapsed LR (and tighter); the first within
/// Mermaid's hard limits whose estimated width (`MermaidWidthEstimate`) fits wins. When
/// none fits, the narrowest is drawn and one warning says so. A `--direction` or `--view`
/// the user gave narrows the candidates and is never overridden. Same diagram, same choice.
struct MermaidViewChooser {
    /// Estimated px. The estimate is within about 10% of real Mermaid on the corpus (see
    /// `MermaidWidthEstimate`), so drawings measured with DejaVu (wider than GitHub's
    /// fonts) stay within 2000 px.
    static let targetWidth = 1_800.0

    /// `flowchart.nodeSpacing` for a view that is too wide at Mermaid's default (50).
    static let compactNodeSpacing = 30

    var direction: DiagramDirection?
    var view: DiagramView

    struct Choice {
        var source: String
        var diagram: Diagram
        var estimatedWidth: Double
        var warnings: [String]
    }

    private struct Candidate {
        var diagram: Diagram
        var collapsed: Bool
        var nodeSpacing: Int?
        /// Estimated only for a candidate Mermaid accepts, or when none is accepted: the
        /// estimate lays the whole diagram out, and a refused view (over 500 edges) of a
        /// large topology is never drawn, so its width was most of a 10,000-resource render.
        var width: Double?
        var problems: [String]
        var source: String?

        mutating func measure() -> Double {
            if let width { return width }
            let estimate = PhaseTiming.measure("mermaid width estimate") { MermaidWidthEstimate(nodeSpacing: Double(nodeSpacing ?? 50)).width(of: diagram) }
            width = estimate
            return estimate
        }
    }

    func choose(_ full: Diagram, header: String, stageName: String) -> Choice {
        let directions = direction.map { [$0] } ?? [.topToBottom, .leftToRight]
        let collapsedOptions: [Bool] = switch view {
        case .auto: [false, true]
        case .full: [false]
        case .collapsed: [true]
        }
        var collapsedDiagram: Diagram?
        var candidates: [Candidate] = []
        var chosen: Candidate?
        // Every resource at tighter spacing reads better than a collapsed view.
        search: for collapsed in collapsedOptions {
            for nodeSpacing in [nil, Self.compactNodeSpacing] {
            for direction in directions {
                var diagram = full
                if collapsed {
                    diagram = collapsedDiagram ?? PhaseTiming.measure("mermaid collapse") { DiagramCollapser().collapse(full) }
                    collapsedDiagram = diagram
                }
                diagram.direction = direction
                var candidate = Candidate(diagram: diagram, collapsed: collapsed, nodeSpacing: nodeSpacing, width: nil, problems: [], source: nil)
                // Over the edge limit the text is never used: count edges before writing it.
                if diagram.edges.count > MermaidRenderer.maxEdges {
                    candidate.problems = ["\(diagram.edges.count) edges (Mermaid refuses more than \(MermaidRenderer.maxEdges))"]
                } else {
                    let source = PhaseTiming.measure("mermaid text") { MermaidRenderer(nodeSpacing: nodeSpacing).render(diagram, header: header) }
                    candidate.source = source
                    candidate.problems = MermaidRenderer.limitProblems(source: source, diagram: diagram)
                }
                let fits = candidate.problems.isEmpty && candidate.measure() <= Self.targetWidth
                candidates.append(candidate)
                if fits {
                    chosen = candidate
                    break search
                }
            }
            }
        }
        if chosen == nil {
            // The narrowest of those Mermaid accepts (or of all, when none is accepted).
            let renderable = candidates.filter(\.problems.isEmpty)
            var pool = renderable.isEmpty ? candidates : renderable
            for index in pool.indices { _ = pool[index].measure() }
            chosen = pool.min { ($0.width ?? .infinity) < ($1.width ?? .infinity) }
        }
        guard var result = chosen else { preconditionFailure("at least one Mermaid view is always a candidate") }
        let resultWidth = result.measure()
        let source = result.source ?? MermaidRenderer(nodeSpacing: result.nodeSpacing).render(result.diagram, header: header)
        result.source = source
        result.problems = MermaidRenderer.limitProblems(source: source, diagram: result.diagram)

        var warnings: [String] = []
        let viewName = "\(result.collapsed ? "collapsed" : "full") \(result.diagram.direction.rawValue)"
        let width = Int(resultWidth.rounded())
        if resultWidth > Self.targetWidth {
            let tried = candidates.count > 1 ? "the narrowest view Topograph could pick, " : ""
            warnings.append(
                "stage \(stageName): the Mermaid diagram (\(viewName), \(tried)about \(width) px wide) is wider than "
                    + "~2000 px, so GitHub's ~1000 px column shrinks its labels below 8 px. "
                    + (view == .full ? "Try --view auto or collapsed, " : "")
                    + "split the topology, or use --format svg for a scalable drawing")
        } else if result.collapsed, view == .auto {
            let full = candidates.first { !$0.collapsed }
            let reason = full.map { full in
                full.problems.isEmpty
                    ? "would be about \(Int((full.width ?? 0).rounded())) px wide (over ~2000 px, too small to read on GitHub)"
                    : "has \(full.problems.joined(separator: " and "))"
            } ?? "does not fit"
            warnings.append(
                "stage \(stageName): the full Mermaid diagram \(reason); "
                    + "wrote a collapsed view (repeated kinds merged per container) instead. "
                    + "Use --view full to force it, or --format svg for every resource.")
        }
        if !result.problems.isEmpty {
            warnings.append(
                "stage \(stageName): the Mermaid diagram has \(result.problems.joined(separator: " and ")) and will not render on GitHub; "
                    + "split the topology or use --format svg")
        }
        return Choice(source: source, diagram: result.diagram, estimatedWidth: resultWidth, warnings: warnings)
    }
}
