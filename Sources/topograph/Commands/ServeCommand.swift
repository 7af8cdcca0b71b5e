import ArgumentParser
import Foundation
import TopographCore
import TopographServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview topologies in a browser: the interactive page, re-rendered and reloaded on every save.",
        discussion: """
            Serves the interactive page (see `render --format html`) of each topology: `/` is \
            the page of a single file, or an index of several. Every open page reloads by \
            itself when its file is saved (it keeps the stage and resource it showed); a file \
            that stops loading keeps its last good drawing with the errors, as \
            file:line:column, above it. Listens on 127.0.0.1 only unless --host says \
            otherwise. Ctrl-C stops it.

            Examples:
              topograph serve arch.yaml               # http://127.0.0.1:8080/
              topograph serve docs/architecture --port 9000
              topograph serve arch.yaml --port 0      # any free port (printed)
            """)

    @Argument(help: ArgumentHelp("Topology files, directories or glob patterns (default: the current directory).", valueName: "path"))
    var paths: [String] = []

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8080

    @Option(help: "The address to listen on: 127.0.0.1 (default), ::1, or 0.0.0.0 to let other machines connect.")
    var host: String = "127.0.0.1"

    @OptionGroup var icons: IconOptions<ServeWording>

    @Flag(name: .shortAndLong, help: "Print only the address and errors, not every re-render.")
    var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): a port is 0 to 65535") }
    }

    func run() throws {
        let sources = try DocsInputs.resolve(paths.isEmpty ? ["."] : paths)
        guard !sources.isEmpty else { throw TopographFailure.input("no topology file (YAML with `topograph:` at the top level) under \(paths.isEmpty ? "." : paths.joined(separator: ", "))") }
        let iconSource = try icons.checkedSource(needed: true)
        let pages = PreviewPages(paths: sources, renderOptions: RenderOptions(graphviz: GraphvizOptions(icons: iconSource)))
        let server = PreviewServer(pages: pages, host: host, port: UInt16(port))
        let quiet = quiet
        let outcome = ServeOutcome()
        let finished = DispatchSemaphore(value: 0)
        // Before the server starts, so that a signal never finds the default (killing) action.
        let signals = StopSignals { name in
            outcome.stop(by: name)
            // Connections still open (a page's socket) may hold the server's task a moment;
            // the command does not wait for them beyond this.
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { finished.signal() }
        }
        outcome.serving = Task {
            do {
                try await server.run(
                    ready: { url in
                        // Unbuffered: a script reading the address must get it now. Best
                        // effort: a closed standard output does not stop the server.
                        try? StandardStream.output("serving \(sources.count) topolog\(sources.count == 1 ? "y" : "ies") at \(url) (Ctrl-C stops)\n")
                    },
                    rendered: { path, milliseconds, errors in
                        guard !quiet else { return }
                        let state = errors == 0 ? "" : " (\(errors) input error\(errors == 1 ? "" : "s") shown in the page)"
                        StandardStream.error("re-rendered \(path) in \(milliseconds) ms\(state)\n")
                    })
            } catch {
                outcome.set(error)
            }
            finished.signal()
        }
        finished.wait()
        signals.cancel()
        if let name = outcome.stoppedBy {
            StandardStream.error("stopped (\(name))\n")
            return
        }
        if let error = outcome.error {
            throw TopographFailure.input("serve: \(PlainError.describe(error))")
        }
    }
}

/// The server task's error, or the signal that stopped it, handed to the blocked command.
private final class ServeOutcome: Sendable {
    private struct State {
        var error: Error?
        var signal: String?
        var task: Task<Void, Never>?
    }
    private let state = Locked(State())

    var error: Error? { state.withLock { $0.error } }
    func set(_ error: Error) { state.withLock { $0.error = error } }
    var stoppedBy: String? { state.withLock { $0.signal } }
    var serving: Task<Void, Never>? {
        get { state.withLock { $0.task } }
        set { state.withLock { $0.task = newValue } }
    }

    /// Records the first stop signal and cancels the server task.
    func stop(by name: String) {
        state.withLock { $0.signal = $0.signal ?? name }
        serving?.cancel()
    }
}

/// SIGINT (Ctrl-C) and SIGTERM stop the server cleanly (exit 0) instead of killing the
/// process. The signals are taken over explicitly, which also undoes a shell's "ignore
/// SIGINT" for background jobs, so `kill -INT` always stops it.
private final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(_ stop: @escaping @Sendable (String) -> Void) {
        sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop(name) }
            source.resume()
            return source
        }
    }

    func cancel() {
        sources.forEach { $0.cancel() }
    }
}

enum ServeWording: IconWording {
    static let icons = "Icons, as for render (default: $TOPOGRAPH_ICONS, else the diagrams package's)."
    static let noIcons = "Draw coloured shapes instead of AWS icons."
    static let withoutIcons = "the pages draw shapes"
}
