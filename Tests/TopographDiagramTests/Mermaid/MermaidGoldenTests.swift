import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographDiagram
import TopographTestSupport

@Suite("Mermaid goldens")
struct MermaidGoldenTests {
    static var exampleStages: [(String, String)] {
        Fixtures.examples.flatMap { url -> [(String, String)] in
            guard let topology = try? TopologyLoader().load(path: url.path) else { return [(url.lastPathComponent, "<invalid>")] }
            return topology.stageNames.map { (url.lastPathComponent, $0) }
        }
    }

    @Test("every stage of every example matches its golden", arguments: exampleStages.map { "\($0.0)#\($0.1)" })
    func exampleStage(_ key: String) throws {
        let parts = key.split(separator: "#").map(String.init)
        let file = "Docs/examples/\(parts[0])"
        let topology = try TopologyLoader().load(path: Fixtures.repositoryFile(file).path, displayPath: file)
        let stage = try #require(topology.stage(named: parts[1]))
        let rendered = try StageRenderer().render(stage, format: .mermaid)
        let name = ArtifactNaming.fileName(topology: topology.metadata.name, stage: stage.stage.name, fileExtension: "mmd")
        assertGolden(String(decoding: rendered.data, as: UTF8.self), Fixtures.url("golden/mermaid/\(name)"))
    }

    @Test func renderingIsByteIdenticalAcrossRuns() throws {
        let file = Fixtures.repositoryFile("Docs/examples/session-store.yaml").path
        let first = try TopologyLoader().load(path: file).stages.map { try StageRenderer().render($0, format: .mermaid).data }
        let second = try TopologyLoader().load(path: file).stages.map { try StageRenderer().render($0, format: .mermaid).data }
        #expect(first == second)
    }
}
