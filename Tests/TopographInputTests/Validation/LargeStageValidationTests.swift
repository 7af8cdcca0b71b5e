import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput

/// A large stage is validated in slices on several cores: every finding must still be
/// reported once, in the order of the file, wherever its slice boundary falls.
@Suite("Validating a large stage")
struct LargeStageValidationTests {
    @Test func findingsInEverySliceAreReportedOnceInFileOrder() throws {
        let count = 4_001
        // A wrong kind every 97 resources lands findings at both ends and around every boundary.
        let planted = Set(stride(from: 0, to: count, by: 97)).union([count - 1])
        var lines = ["topograph: 1", "name: big", "resources:"]
        for index in 0..<count {
            lines.append("  r-\(index): { kind: \(planted.contains(index) ? "no-such-kind" : "user") }")
        }
        let error = #expect(throws: TopologyInputError.self) {
            try TopologyLoader().load(text: lines.joined(separator: "\n"), file: "big.yaml")
        }
        let reported = try #require(error).diagnostics.filter { $0.code == .unknownKind }
        #expect(reported.count == planted.count)
        #expect(reported.compactMap { $0.location?.line } == planted.sorted().map { $0 + 4 })
    }
}
