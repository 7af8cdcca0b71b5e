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

    @Option(help: ArgumentHelp("Icons, as for render (default: $TOPOGRAPH_ICONS, else the diagrams package's).", valueName: "dir"))
    var icons: String?

    @Flag(help: "Draw coloured shapes instead of AWS icons.")
    var noIcons = false

    @Flag(name: .shortAndLong, help: "Print only the address and errors, not every re-render.")
    var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): a port is 0 to 65535") }
    }

    func run() throws {
        let sources = try DocsInputs.resolve(paths.isEmpty ? ["."] : paths)
        guard !sources.isEmpty else { throw CommandFailure.input("no topology file (YAML with `topograph:` at the top level) under \(paths.isEmpty ? "." : paths.joined(separator: ", "))") }
        let iconSource: IconSource = noIcons ? .none : icons.map(IconSource.directory) ?? .automatic
        let pages = PreviewPages(paths: sources, renderOptions: RenderOptions(graphviz: GraphvizOptions(icons: iconSource)))
        let server = PreviewServer(pages: pages, host: host, port: UInt16(port))
        let quiet = quiet
        let outcome = ServeOutcome()
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run(
                    ready: { url in
                        // Unbuffered: a script reading the address must get it now.
                        FileHandle.standardOutput.write(Data("serving \(sources.count) topolog\(sources.count == 1 ? "y" : "ies") at \(url) (Ctrl-C stops)\n".utf8))
                    },
                    rendered: { path, milliseconds, errors in
                        guard !quiet else { return }
                        let state = errors == 0 ? "" : " (\(errors) input error\(errors == 1 ? "" : "s") shown in the page)"
                        FileHandle.standardError.write(Data("re-rendered \(path) in \(milliseconds) ms\(state)\n".utf8))
                    })
            } catch {
                outcome.set(error)
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error {
            let text = PlainError.describe(error)
            if text.contains("bind") || text.contains("in use") {
                throw CommandFailure.input("cannot listen on \(host):\(port) (\(text)); is another server using it? Try --port 0 for any free port")
            }
            throw CommandFailure.input("serve: \(text)")
        }
    }
}

/// The server task's error, handed to the blocked command.
private final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var error: Error? { lock.withLock { stored } }
    func set(_ error: Error) { lock.withLock { stored = error } }
}
