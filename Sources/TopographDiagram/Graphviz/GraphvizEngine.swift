import CGraphviz
import Foundation
import TopographModel

/// The one owner of every Graphviz call. Graphviz's C libraries keep global state (the
/// error handler, plugin tables, cgraph's string pools) and are not thread-safe, so every
/// call runs under one lock, and each render frees what it allocated: the graph, its
/// layout and the render buffer. One context is created lazily and kept for the process,
/// as `dot` itself does (plugin discovery costs about 10 ms).
///
/// This is the only file that imports CGraphviz.
final class GraphvizEngine: @unchecked Sendable {
    static let shared = GraphvizEngine()

    private let lock = NSLock()
    private var context: OpaquePointer?
    /// Answers of `supports(format:)`: the plugin set cannot change within a process, and
    /// Graphviz 2.43's `gvPluginList` leaks the names it skips as duplicates, so it is
    /// asked once per format rather than once per PNG.
    private var supportedFormats: [String: Bool] = [:]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Graphviz reports errors through a process-wide callback; collected here while the
    /// lock is held.
    nonisolated(unsafe) private static var messages: [String] = []

    private init() {}

    /// Lays `dot` out with the dot engine and renders it as `format` (`svg`, `png`, ...).
    func render(dot: String, format: String) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        Self.messages = []
        _ = agseterr(AGERR)
        _ = agseterrf { message in
            if let message { GraphvizEngine.messages.append(String(cString: message)) }
            return 0
        }
        let gvc = try ensureContext()
        guard let graph = dot.withCString({ tg_read_dot($0) }) else {
            throw Failure(description: "Graphviz could not read the generated DOT: \(Self.errorText)")
        }
        defer { agclose(graph) }
        guard gvLayout(gvc, graph, "dot") == 0 else {
            throw Failure(description: "Graphviz layout failed: \(Self.errorText)")
        }
        defer { gvFreeLayout(gvc, graph) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(gvc, graph, format, &buffer, &length) == 0, let buffer else {
            throw Failure(description: "Graphviz cannot render \(format) here: \(Self.errorText)")
        }
        defer { gvFreeRenderData(buffer) }
        return Data(bytes: buffer, count: Int(length))
    }

    /// Whether this Graphviz has a renderer for `format` (PNG needs the cairo plugin).
    func supports(format: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let known = supportedFormats[format] { return known }
        guard let gvc = try? ensureContext() else { return false }
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, "device", &count, nil) else { return false }
        var found = false
        // The names come without their plugin suffix (`png`, not `png:cairo`).
        for index in 0..<Int(count) {
            if let item = list[index] {
                if String(cString: item) == format { found = true }
                free(item)
            }
        }
        free(list)
        supportedFormats[format] = found
        return found
    }

    private func ensureContext() throws -> OpaquePointer {
        if let context { return context }
        guard let created = gvContext() else { throw Failure(description: "Graphviz could not start (gvContext failed)") }
        context = created
        return created
    }

    private static var errorText: String {
        let text = messages.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no details from Graphviz" : text
    }

    /// Frees the context; for leak checks, which want every allocation returned.
    func shutdown() {
        lock.lock()
        defer { lock.unlock() }
        if let context { gvFreeContext(context) }
        context = nil
    }
}
