import Foundation
import Testing
@testable import TopographCore

/// The pair suite: every folder under `Tests/DiffPairs/` holds an `old.yaml` and a
/// `new.yaml` (either may be missing: that side is `/dev/null`, a file added or removed in
/// a PR) and the `expected.json` a reviewer agreed with. JSON is compared as data, so the
/// expected files can be written by hand.
@Suite("Diff pairs")
struct DiffPairTests {
    static let root = Fixtures.repositoryFile("Tests/DiffPairs")

    static var pairs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func side(_ pair: String, _ name: String) throws -> LoadedTopology {
        let url = root.appendingPathComponent(pair).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return try RevisionSource.load(RevisionSource.emptySide)
        }
        return try TopologyLoader().load(path: url.path, displayPath: name)
    }

    static func diff(_ pair: String) throws -> DocumentDiff {
        TopologyDiffer().diff(old: try side(pair, "old.yaml"), new: try side(pair, "new.yaml"))
    }

    /// Both texts through the same JSON parser and printer, so only data differences show.
    static func canonical(_ text: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func suiteCoversTheIssue() {
        #expect(Self.pairs.count >= 30)
    }

    @Test("each pair gives its expected JSON", arguments: pairs)
    func expectedJSON(_ pair: String) throws {
        let folder = Self.root.appendingPathComponent(pair)
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.json"), encoding: .utf8)
        let actual = try DiffRenderer.json(try Self.diff(pair))
        let got = folder.appendingPathComponent("expected.got.json")
        if try Self.canonical(expected) == Self.canonical(actual) {
            try? FileManager.default.removeItem(at: got)
        } else {
            try actual.write(to: got, atomically: true, encoding: .utf8)
            Issue.record("\(pair): the diff differs from expected.json; see \(got.path)")
        }
    }

    @Test("each pair renders as Markdown and text", arguments: pairs)
    func rendersEveryFormat(_ pair: String) throws {
        let diff = try Self.diff(pair)
        let markdown = try DiffRenderer.render(diff, format: .markdown)
        #expect(markdown.hasPrefix(DiffRenderer.commentMarker))
        let text = try DiffRenderer.render(diff, format: .text)
        #expect(!text.isEmpty)
    }
}
