import Foundation
import TopographModel
import TopographRunbooks

/// What `serve` keeps from one page of a topology to the next: the runbook templates,
/// parsed once, and the HTML of each runbook section by its Markdown (a save changes a
/// few sections; the rest convert to the same HTML). Shared by the pages it renders, from
/// any thread.
package final class PageReuse: Sendable {
    private let renderer = Locked<RunbookRenderer?>(nil)
    private let html = Locked<[String: String]>([:])
    /// Past this many sections the cache starts afresh: it holds the sections of the
    /// topologies served, and old versions of edited ones would otherwise pile up.
    private let limit: Int

    package init(limit: Int = 20_000) {
        self.limit = limit
    }

    func runbookRenderer() throws -> RunbookRenderer {
        if let known = renderer.withLock({ $0 }) { return known }
        let made = try RunbookRenderer()
        renderer.withLock { $0 = made }
        return made
    }

    /// The HTML of one section's Markdown, converted by `convert` unless seen before.
    func sectionHTML(_ markdown: String, _ convert: (String) -> String) -> String {
        if let known = html.withLock({ $0[markdown] }) { return known }
        let made = convert(markdown)
        html.withLock { cache in
            if cache.count >= limit { cache.removeAll(keepingCapacity: true) }
            cache[markdown] = made
        }
        return made
    }
}

/// The two halves of a page, made on two threads and read once both are done.
final class PageParts: @unchecked Sendable {
    var drawings: Result<([StageSVG], IconDefinitions), Error> = .failure(CancellationError())
    var runbooks: Result<[[RunbookSectionData]], Error> = .failure(CancellationError())
}
