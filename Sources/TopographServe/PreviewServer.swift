import Foundation
import FlyingFox
import FlyingSocks
import TopographHTML

/// `topograph serve`: FlyingFox serves each topology's page (`/` for one file, an index and
/// `/p/N` for several), and a WebSocket (`LiveReload.path`) on which open pages hear of
/// every re-render. Files are polled (`interval`) rather than watched through an OS API,
/// which behaves the same on Linux and macOS, over network mounts and editors' atomic saves;
/// a poll is one stat per file, so polling 40 times a second costs nothing measurable and
/// adds 12 ms on average to a save's way to the page (100 ms polls added 50).
package struct PreviewServer: Sendable {
    package var pages: PreviewPages
    package var host: String
    package var port: UInt16
    package var interval: Duration

    package init(pages: PreviewPages, host: String = "127.0.0.1", port: UInt16 = 8080, interval: Duration = .milliseconds(25)) {
        self.pages = pages
        self.host = host
        self.port = port
        self.interval = interval
    }

    package struct Failure: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    /// Renders every page, starts listening, calls `ready` with the URL, then serves and
    /// watches until cancelled, calling `rendered` after each re-render (path,
    /// milliseconds, input errors).
    package func run(ready: @escaping @Sendable (String) -> Void, rendered: @escaping @Sendable (String, Int, Int) -> Void = { _, _, _ in }) async throws {
        await pages.refresh()
        let server = HTTPServer(address: try address(), logger: .disabled)
        let pages = self.pages
        await server.appendRoute(HTTPRoute("GET " + LiveReload.path), to: .webSocket(VersionMessages(pages: pages)))
        await server.appendRoute("GET *") { request in
            switch Self.resource(request.target.path(), pages: await pages.count) {
            case .index: Self.html(Data(HTMLIndexPage(rows: await pages.rows).html.utf8))
            case .page(let index): await pages.page(index).map(Self.html) ?? Self.notFound
            case nil: Self.notFound
            }
        }
        await server.appendRoute("*") { _ in Self.notFound }
        try await withThrowingTaskGroup(of: Void.self) { group in
            // run() returns only by failing (a port in use fails at once) or when cancelled;
            // the other task waits for it to listen, then watches the files.
            group.addTask { [host, port] in
                do {
                    try await server.run()
                } catch SocketError.failed(let call, let number, let message) where call == "Bind" {
                    let hint = number == EADDRINUSE ? "another server is using it; choose another --port, or --port 0 for any free one"
                        : number == EADDRNOTAVAIL ? "no interface of this machine has that address" : "check --host and --port"
                    throw Failure(description: "cannot listen on \(host.contains(":") ? "[\(host)]" : host):\(port): \(message) (\(hint))")
                }
            }
            group.addTask { [host, port, interval] in
                try await server.waitUntilListening(timeout: 60)
                let bound: UInt16 = switch await server.listeningAddress {
                case .ip4(_, let port), .ip6(_, let port): port
                default: port
                }
                ready("http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/")
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    for done in await pages.refresh(settle: .milliseconds(5)) { rendered(done.path, done.milliseconds, done.errors) }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// What the server answers for a request path, taken as the client sent it (percent-
    /// encoded, before any normalisation): exactly `/` or `/p/N` as the index writes it, for
    /// one of the `count` pages; anything else is nil, a 404. No path maps to a file.
    enum Resource: Equatable {
        case index
        case page(Int)
    }

    static func resource(_ rawPath: String, pages count: Int) -> Resource? {
        if rawPath == "/" { return count == 1 ? .page(0) : .index }
        guard rawPath.hasPrefix("/p/") else { return nil }
        let digits = rawPath.dropFirst(3)
        guard let index = Int(digits), String(index) == digits, (0..<count).contains(index) else { return nil }
        return .page(index)
    }

    private func address() throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        do {
            return name.contains(":") ? try sockaddr_in6.inet6(ip6: name, port: port) : try sockaddr_in.inet(ip4: name, port: port)
        } catch {
            throw Failure(description: "--host \(host): not an IPv4 or IPv6 address (use 127.0.0.1, ::1, or 0.0.0.0 to listen on every interface)")
        }
    }

    static func html(_ data: Data) -> HTTPResponse {
        // no-store: a reload must fetch the new page, not the cached old one.
        HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", HTTPHeader("Cache-Control"): "no-store"], body: data)
    }

    static var notFound: HTTPResponse {
        HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("not found\n".utf8))
    }
}

/// The client names its page (its first message, the page's index); the server answers
/// with that page's version at once and after every re-render, as text.
struct VersionMessages: WSMessageHandler {
    var pages: PreviewPages

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let pages = self.pages
        return AsyncStream { continuation in
            // One task reads the client (an AsyncStream has one reader); the versions go
            // out from a second one, ended when the client goes.
            let task = Task {
                var forward: Task<Void, Never>?
                for await message in client where forward == nil {
                    if case .text(let text) = message, let index = Int(text), let versions = await pages.versions(of: index) {
                        forward = Task { for await version in versions { continuation.yield(.text(String(version))) } }
                    }
                }
                forward?.cancel()
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
