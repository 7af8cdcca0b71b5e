import Foundation
import Testing
@testable import TopographModel
import TopographTestSupport

@Suite("OutputWriter")
struct OutputWriterTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("topograph-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    let generated = GeneratedMarker.htmlComment(source: "arch.yaml") + "\nbody\n"

    @Test func createsThenReportsUnchangedThenUpdates() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b/page.md").path
        let writer = OutputWriter()
        #expect(try writer.write(generated, to: path) == .created)
        #expect(try writer.write(generated, to: path) == .unchanged)
        #expect(try writer.write(generated + "more\n", to: path) == .updated)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == generated + "more\n")
    }

    @Test func neverOverwritesAFileAPersonWrote() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("README.md").path
        try "my own notes\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: OutputWriter.Refusal.self) { try OutputWriter().write(generated, to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my own notes\n")
        // --force replaces it.
        #expect(try OutputWriter(overwriteUnmarked: true).write(generated, to: path) == .updated)
    }

    @Test func refusesADirectoryAndLeavesNoTemporaryFile() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: OutputWriter.Refusal.self) { try OutputWriter().write(generated, to: folder.path) }
        let path = folder.appendingPathComponent("page.md").path
        try OutputWriter().write(generated, to: path)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(names == ["page.md"])
    }
}
