import CGraphviz
import Foundation
import TopographModel

/// The one owner of every Graphviz call. Graphviz's C libraries keep global state (the
/// error handler, plugin tables, cgraph's string pools) and are not thread-safe, so every
/// call runs under one lock, and what a render allocates (the graph, its layout, the
/// render buffer) is freed by the next render at the latest (see `retired`). Contexts are
/// created lazily and kept for the process, as `dot` itself does (plugin discovery costs
/// about 10 ms).
///
/// Two contexts, because text measurement decides the layout. SVG (and DOT/JSON) come
/// from a context holding only the core and dot-layout plugins: with no text-layout
/// plugin Graphviz measures text with its built-in font metrics, so the same DOT gives
/// the same SVG bytes whatever fonts the machine has (a browser draws SVG text with its
/// own fonts anyway). PNG needs cairo, whose pango plugin measures with the installed
/// fonts; it comes from the full context, and `check` compares PNGs by their layout
/// fingerprint rather than their pixels.
///
/// The layout search (`+LayoutSearch`), the post-layout finishing (`LayoutFinish`) and the
/// geometry read back for scoring (`LayoutGeometry+Graphviz`) sit beside it; they and this
/// file are the only ones that import CGraphviz.
final class GraphvizEngine: @unchecked Sendable {
    static let shared = GraphvizEngine()

    let lock = NSLock()
    private var metricsContext: OpaquePointer?
    private var fullContext: OpaquePointer?
    /// Answers of `supports(format:)`: the plugin set cannot change within a process, and
    /// Graphviz 2.43's `gvPluginList` leaks the names it skips as duplicates, so it is
    /// asked once per format rather than once per PNG.
    private var supportedFormats: [String: Bool] = [:]

    struct Failure: TopographError {
        var code: TopographErrorCode { .graphviz }
        var description: String
    }

    /// Graphviz reports errors through a process-wide callback; collected here while the
    /// lock is held.
    nonisolated(unsafe) private static var messages: [String] = []

    private init() {}

    /// Starts collecting Graphviz's messages for this call (the lock is held).
    static func collectMessages() {
        messages = []
        _ = agseterr(AGERR)
        _ = agseterrf { message in
            if let message { GraphvizEngine.messages.append(String(cString: message)) }
            return 0
        }
    }

    /// Lays `dot` out with the dot engine and renders it as `format` (`svg`, `png`, ...).
    func render(dot: String, format: String, finish: LayoutFinish = .none) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        releaseRetired()
        Self.collectMessages()
        let gvc = try context(for: format)
        let graph = try Self.layOut(dot, gvc: gvc)
        retired = (gvc, graph)
        finish.apply(to: graph)
        return try renderLaidOut(graph, gvc: gvc, format: format)
    }

    /// Reads `dot` and lays it out; the caller owns the graph and its layout.
    static func layOut(_ dot: String, gvc: OpaquePointer) throws -> UnsafeMutablePointer<Agraph_t> {
        guard let graph = PhaseTiming.measure("graphviz read", { dot.withCString { tg_read_dot($0) } }) else {
            throw Failure(description: "Graphviz could not read the generated DOT: \(errorText)")
        }
        guard PhaseTiming.measure("graphviz layout", { gvLayout(gvc, graph, "dot") }) == 0 else {
            agclose(graph)
            throw Failure(description: "Graphviz layout failed: \(errorText)")
        }
        return graph
    }

    /// Renders the graph laid out last (a context renders with the state its latest layout
    /// left) and copies the buffer.
    func renderLaidOut(_ graph: UnsafeMutablePointer<Agraph_t>, gvc: OpaquePointer, format: String) throws -> Data {
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard PhaseTiming.measure("graphviz render", { gvRenderData(gvc, graph, format, &buffer, &length) }) == 0, let buffer else {
            throw Failure(description: "Graphviz cannot render \(format) here: \(Self.errorText)")
        }
        defer { gvFreeRenderData(buffer) }
        return Data(bytes: buffer, count: Int(length))
    }

    /// The last graph laid out, with its layout: freed at the start of the next render
    /// rather than before the render returns. Freeing a 1,000-service
    /// graph costs about 30 ms, which a one-shot `topograph render` would spend just before
    /// the process exits and the system reclaims it anyway (as compilers skip freeing at
    /// exit); a long run holds at most this one graph. It stays reachable, so leak checks
    /// see no loss, and it is freed before the next layout, in the order Graphviz needs.
    var retired: (gvc: OpaquePointer, graph: UnsafeMutablePointer<Agraph_t>)?

    func releaseRetired() {
        guard let (gvc, graph) = retired else { return }
        retired = nil
        PhaseTiming.measure("graphviz free") {
            gvFreeLayout(gvc, graph)
            _ = agclose(graph)
        }
    }

    /// Whether this Graphviz has a renderer for `format` (PNG needs the cairo plugin).
    func supports(format: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let known = supportedFormats[format] { return known }
        guard let gvc = try? context(for: format) else { return false }
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

    /// Formats drawn by the core plugin, measured without fontconfig.
    static let builtinMetricsFormats: Set<String> = ["svg", "dot", "xdot", "json", "plain"]

    func context(for format: String) throws -> OpaquePointer {
        let device = String(format.prefix { $0 != ":" })
        if Self.builtinMetricsFormats.contains(device) {
            if let metricsContext { return metricsContext }
            var missing: UnsafePointer<CChar>?
            guard let created = tg_context_builtin_metrics(&missing) else {
                let name = missing.map { String(cString: $0) } ?? "a plugin"
                throw Failure(description: "Graphviz's plugin \(name) cannot be loaded (Debian: apt-get install libgvc6); set GVBINDIR to the folder holding it")
            }
            metricsContext = created
            return created
        }
        if let fullContext { return fullContext }
        guard let created = gvContext() else { throw Failure(description: "Graphviz could not start (gvContext failed)") }
        fullContext = created
        return created
    }

    private static var errorText: String {
        let text = messages.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no details from Graphviz" : text
    }
}
