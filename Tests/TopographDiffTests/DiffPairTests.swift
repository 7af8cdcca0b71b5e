import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
import TopographTestSupport

/// The pair suite (`DiffPairs`): each pair's diff against the `expected.json` a reviewer
/// agreed with. JSON is compared as data, so the expected files can be written by hand.
@Suite("Diff pairs")
struct DiffPairTests {
    static let root = DiffPairs.root
    static var pairs: [String] { DiffPairs.names }
    static func diff(_ pair: String) throws -> DocumentDiff { try DiffPairs.diff(pair) }

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
        let actual = try DiffReport.json(try Self.diff(pair))
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
        #expect(DiffReport.markdown(diff).hasPrefix(DiffReport.commentMarker))
        #expect(!DiffReport.text(diff).isEmpty)
    }
}
