import Foundation
import FlyingFox
import FlyingSocks
import TopographHTML

/// `topograph serve`: FlyingFox serves each topology's page (`/` for one file, an index and
/// `/p/N` for several), and a WebSocket (`LiveReload.path`) on which open pages hear of
/// every re-render. Files are polled (`interval`) rather than watched through an OS API,
/// which behaves the same on Linux and macOS, over network mounts and editors' atomic saves.
package struct PreviewServer: Sendable {
    package var pages: PreviewPages
    package var host: String
    package var port: UInt16
    package var interval: Duration

    package init(pages: PreviewPages, host: String = "127.0.0.1", port: UInt16 = 8080, interval: Duration = .milliseconds(100)) {
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
    package func run(ready: @Sendable (String) -> Void, rendered: @escaping @Sendable (String, Int, Int) -> Void = { _, _, _ in }) async throws {
        await pages.refresh()
        let server = HTTPServer(address: try address(), logger: .disabled)
        let pages = self.pages
        await server.appendRoute(HTTPRoute("GET " + LiveReload.path), to: .webSocket(VersionMessages(pages: pages)))
        await server.appendRoute("GET /") { _ in
            if await pages.count == 1, let page = await pages.page(0) { return Self.html(page) }
            return Self.html(Data(HTMLIndexPage(rows: await pages.rows).html.utf8))
        }
        await server.appendRoute("GET /p/*") { request in
            guard let index = Int(request.path.dropFirst(3)), let page = await pages.page(index) else { return Self.notFound }
            return Self.html(page)
        }
        await server.appendRoute("*") { _ in Self.notFound }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await server.waitUntilListening()
            let bound = await server.listeningAddress
            let port: UInt16 = switch bound {
            case .ip4(_, let port), .ip6(_, let port): port
            default: self.port
            }
            ready("http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    for done in await pages.refresh() { rendered(done.path, done.milliseconds, done.errors) }
                }
            }
            try await group.next()
            group.cancelAll()
        }
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
