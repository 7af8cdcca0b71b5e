import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
import TopographTestSupport

/// Every file under Fixtures/invalid must be refused with exactly the diagnostics in its
/// `.exp.txt` (positions, messages, codes and hints), never a crash or a hang.
@Suite("Invalid input")
struct InvalidInputTests {
    static var cases: [String] {
        Fixtures.files(in: "invalid", suffix: ".yaml").map { $0.deletingPathExtension().lastPathComponent }
    }

    @Test func thereAreAtLeastFifteenCases() {
        #expect(Self.cases.count >= 15)
    }

    @Test("is refused with the expected positioned diagnostics", arguments: cases)
    func refused(_ name: String) throws {
        let url = Fixtures.url("invalid/\(name).yaml")
        let expected = try Fixtures.text("invalid/\(name).exp.txt")
        let error = #expect(throws: TopologyInputError.self) {
            _ = try TopologyLoader().load(path: url.path, displayPath: "invalid/\(name).yaml")
        }
        let actual = (error?.diagnostics ?? []).map(\.description).joined(separator: "\n") + "\n"
        #expect(actual == expected)
        // Every diagnostic of an invalid file has a position and a way out.
        for diagnostic in error?.diagnostics ?? [] {
            #expect(diagnostic.location != nil)
            #expect(diagnostic.help != nil)
        }
    }
}
