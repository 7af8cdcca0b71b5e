import Foundation
import Testing
@testable import TopographServe

private let topology = """
    topograph: 1
    name: preview
    title: First title
    resources:
      users: { kind: user }
      fn: { kind: lambda, runtime: python3.12 }
    connections:
      - users -> fn: invoke
    """

private func scratchFile(_ text: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("preview.yaml").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

private func text(_ data: Data?) -> String { String(decoding: data ?? Data(), as: UTF8.self) }

@Suite struct PreviewPagesTests {
    @Test func aSaveReRendersThePageAndRaisesItsVersion() async throws {
        let path = try scratchFile(topology)
        let pages = PreviewPages(paths: [path])
        #expect(await pages.refresh().count == 1)
        #expect(text(await pages.page(0)).contains("<title>First title</title>"))
        var versions = try #require(await pages.versions(of: 0)).makeAsyncIterator()
        let first = await versions.next()
        // Nothing changed: nothing re-rendered.
        #expect(await pages.refresh().isEmpty)
        try Data(topology.replacingOccurrences(of: "First title", with: "Second title, longer").utf8).write(to: URL(fileURLWithPath: path))
        let rendered = await pages.refresh()
        #expect(rendered.map(\.path) == [path])
        #expect(text(await pages.page(0)).contains("<title>Second title, longer</title>"))
        let second = await versions.next()
        #expect(first != nil && second != nil && second! > first!)
        // The page carries its version, so an unchanged page never reloads itself.
        #expect(text(await pages.page(0)).contains("const version = \(second!);"))
    }

    @Test func aBrokenSaveKeepsTheLastGoodDrawingWithPositionedErrors() async throws {
        let path = try scratchFile(topology)
        let pages = PreviewPages(paths: [path])
        await pages.refresh()
        try Data(topology.replacingOccurrences(of: "kind: lambda", with: "kind: lambdaa").utf8).write(to: URL(fileURLWithPath: path))
        let rendered = await pages.refresh()
        #expect(rendered.first?.errors == 1)
        let html = text(await pages.page(0))
        #expect(html.contains("data-drawing="))
        #expect(html.contains("<p class=\"tg-error\" data-error>"))
        #expect(html.contains("preview.yaml:6:"))
    }

    @Test func aFileThatNeverLoadedShowsItsErrors() async throws {
        let path = try scratchFile("topograph: 1\nname: [broken\n")
        let pages = PreviewPages(paths: [path])
        await pages.refresh()
        let html = text(await pages.page(0))
        #expect(html.contains("data-error"))
        #expect(html.contains("preview.yaml:"))
        #expect(!html.contains("data-drawing="))
        #expect(await pages.page(1) == nil)
        #expect(await pages.versions(of: 1) == nil)
    }
}
