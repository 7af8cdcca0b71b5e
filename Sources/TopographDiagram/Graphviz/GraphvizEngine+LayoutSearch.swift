import CGraphviz
import Foundation
import TopographModel

/// The layout search's use of the engine: several candidate DOTs laid out in turn under
/// one lock and one context, each scored, the best rendered.
extension GraphvizEngine {
    /// Lays out each candidate DOT in turn and scores its geometry; the best (lowest score,
    /// the earliest among equals) is rendered as `format`, or only judged when `format` is
    /// nil. With `enough`, the search stops at the first candidate scoring at most that.
    /// Candidates share the lock and the context, so a search costs its layouts and nothing more.
    /// A lone candidate to render is not judged (its `scores` are empty) unless `judgeLone`
    /// asks for its score: there is nothing to choose, and at 1,000 services scoring takes
    /// several times as long as the layout.
    func renderBest(_ candidates: [String], format: String?, enough: Int? = nil, judgeLone: Bool = false, finish: LayoutFinish = .none) throws -> (chosen: Int, scores: [LayoutScore], data: Data?) {
        if candidates.count == 1, !judgeLone, let format { return (0, [], try render(dot: candidates[0], format: format, finish: finish)) }
        lock.lock()
        defer { lock.unlock() }
        releaseRetired()
        Self.collectMessages()
        let gvc = try context(for: format ?? "svg")
        // Only the graph laid out last can be rendered: a context renders with the state
        // its latest layout left (rendering an earlier graph crashes in emit_graph), so the
        // last one is kept and the best is laid out again when it came earlier.
        var last: UnsafeMutablePointer<Agraph_t>?
        var scores: [LayoutScore] = []
        var bestIndex = 0
        // The last graph is retired, not freed (see `retired`).
        defer { retired = last.map { (gvc, $0) } }
        func layOut(_ dot: String) throws -> UnsafeMutablePointer<Agraph_t> {
            if let previous = last {
                gvFreeLayout(gvc, previous)
                agclose(previous)
                last = nil
            }
            let graph = try Self.layOut(dot, gvc: gvc)
            last = graph
            return graph
        }
        for (index, dot) in candidates.enumerated() {
            let graph = try layOut(dot)
            let score = PhaseTiming.measure("layout score") { LayoutScore(LayoutGeometry(laidOut: graph)) }
            scores.append(score)
            if score < scores[bestIndex] { bestIndex = index }
            if let enough, score.value <= enough { break }
        }
        guard !scores.isEmpty else { throw Failure(description: "no layout candidates") }
        guard let format else { return (bestIndex, scores, nil) }
        let graph = bestIndex == scores.count - 1 ? last! : try layOut(candidates[bestIndex])
        finish.apply(to: graph)
        return (bestIndex, scores, try renderLaidOut(graph, gvc: gvc, format: format))
    }
}
