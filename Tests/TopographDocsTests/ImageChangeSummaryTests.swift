import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiagram
@testable import TopographDocs
import TopographTestSupport

/// What `check` prints for a changed image.
@Suite("Image change summary")
struct ImageChangeSummaryTests {
    func exampleStage(_ name: String) throws -> StageTopology {
        let file = "Docs/examples/session-store.yaml"
        let topology = try TopologyLoader().load(path: Fixtures.repositoryFile(file).path, displayPath: file)
        return try #require(topology.stage(named: name))
    }

    @Test("a changed image is summarised by what appeared or went, not by coordinates")
    func imageSummary() throws {
        let v1 = try StageRenderer().render(exampleStage("V1"), format: .svg).data
        let v2 = try StageRenderer().render(exampleStage("V2"), format: .svg).data
        let summary = ImageChangeSummary.describe(old: v1, new: v2)
        #expect(summary.contains("nodes added: "))
        #expect(summary.contains("authorizer"))
        #expect(!summary.contains("r_"))
        let moved = Data(String(decoding: v2, as: UTF8.self).replacingOccurrences(of: "points=\"", with: "points=\"1,1 ").utf8)
        #expect(ImageChangeSummary.describe(old: moved, new: v2).contains("same layout input"))
    }
}
