import Foundation
import TopographModel
import TopographInput
import TopographHTML
import TopographDiagram

/// The pages `serve` shows, kept rendered: each topology file's page, re-rendered when the
/// file changes on disk (its modification time or size), with a version that each of its
/// re-renders raises; an open page compares the version it was served with to know when
/// to reload (so a page whose file did not change never reloads). A file that
/// stops loading keeps its last good drawing, with the errors (`file:line:column`) above it.
package actor PreviewPages {
    package struct Stamp: Equatable, Sendable {
        var modified: Date?
        var size: Int?
    }

    struct Entry {
        var path: String
        var stamp: Stamp?
        var page = Data()
        var title: String
        var lastGood: LoadedTopology?
        var errors: [String] = []
        var version = 0
    }

    private var entries: [Entry]
    /// How the pages are drawn (the CLI's icon and layout options).
    private let renderOptions: RenderOptions
    /// Raised on every re-render of any file; a re-rendered page takes the new value.
    private var counter = 0
    private var listeners: [UUID: (page: Int, continuation: AsyncStream<Int>.Continuation)] = [:]
    /// Kept from one re-render to the next: parsed templates, converted runbook sections.
    private let reuse = PageReuse()

    package init(paths: [String], renderOptions: RenderOptions = RenderOptions()) {
        self.entries = paths.map { Entry(path: $0, title: ($0 as NSString).lastPathComponent) }
        self.renderOptions = renderOptions
    }

    package var count: Int { entries.count }

    /// Index-page rows: title, file, stage names, resource count and errors of each file.
    package var rows: [HTMLIndexPage.Row] {
        entries.enumerated().map { index, entry in
            HTMLIndexPage.Row(
                title: entry.lastGood?.metadata.displayTitle ?? entry.title, link: "p/\(index)", source: entry.path,
                stages: entry.lastGood?.stageNames ?? [], resources: Set(entry.lastGood?.stages.flatMap { $0.resources.map(\.id) } ?? []).count,
                lint: entry.errors.isEmpty ? nil : "\(entry.errors.count) input error\(entry.errors.count == 1 ? "" : "s")", broken: entry.lastGood == nil)
        }
    }

    package func page(_ index: Int) -> Data? {
        entries.indices.contains(index) ? entries[index].page : nil
    }

    /// One re-render: the file, how long it took, how many input errors it has now.
    package struct Rendered: Sendable {
        package var path: String
        package var milliseconds: Int
        package var errors: Int
    }

    /// Re-renders every file whose stamp changed (the first call renders them all), then
    /// tells every open page the new version. With `settle`, a changed file is looked at
    /// again after that long and left for the next call if it changed again: a save seen
    /// between its truncation and its write would flash an error page.
    @discardableResult
    package func refresh(settle: Duration = .zero) async -> [Rendered] {
        var changed = entries.indices.filter { Self.stamp(entries[$0].path) != entries[$0].stamp }
        if settle > .zero, !changed.isEmpty, entries.contains(where: { $0.stamp != nil }) {
            let seen = changed.map { Self.stamp(entries[$0].path) }
            try? await Task.sleep(for: settle)
            changed = zip(changed, seen).filter { Self.stamp(entries[$0.0].path) == $0.1 }.map(\.0)
        }
        var rendered: [Rendered] = []
        for index in changed {
            let stamp = Self.stamp(entries[index].path)
            guard stamp != entries[index].stamp else { continue }
            entries[index].stamp = stamp
            let start = ContinuousClock.now
            render(index)
            let elapsed = ContinuousClock.now - start
            rendered.append(Rendered(
                path: entries[index].path, milliseconds: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000),
                errors: entries[index].errors.count))
        }
        for listener in listeners.values where rendered.contains(where: { $0.path == entries[listener.page].path }) {
            listener.continuation.yield(entries[listener.page].version)
        }
        return rendered
    }

    /// Page `index`'s versions as they change, starting with the current one; nil for a
    /// page that does not exist.
    package func versions(of index: Int) -> AsyncStream<Int>? {
        guard entries.indices.contains(index) else { return nil }
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        listeners[id] = (index, continuation)
        continuation.yield(entries[index].version)
        continuation.onTermination = { _ in Task { await self.removeListener(id) } }
        return stream
    }

    private func removeListener(_ id: UUID) {
        listeners[id] = nil
    }

    private func render(_ index: Int) {
        let path = entries[index].path
        counter += 1
        entries[index].version = counter
        let builder = HTMLPageBuilder(renderOptions: renderOptions, extraScript: LiveReload.script(page: index, version: counter), reuse: reuse)
        do {
            let topology = try TopologyLoader().load(path: path)
            entries[index].lastGood = topology
            entries[index].errors = []
            entries[index].page = try builder.page(for: topology, source: path)
        } catch {
            let errors = (error as? TopologyInputError)?.diagnostics.map(\.description) ?? ["\(path): \(PlainError.describe(error))"]
            entries[index].errors = errors
            if let good = entries[index].lastGood, let page = try? builder.page(for: good, source: path, errors: errors) {
                entries[index].page = page
            } else {
                entries[index].page = builder.errorPage(title: entries[index].title, errors: errors)
            }
        }
    }

    static func stamp(_ path: String) -> Stamp {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return Stamp(modified: attributes?[.modificationDate] as? Date, size: (attributes?[.size] as? NSNumber)?.intValue)
    }
}
