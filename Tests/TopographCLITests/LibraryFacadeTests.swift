import Foundation
import Testing
import TopographCore

/// The public façade, used as an embedding tool would: no `@testable`, public API only.
@Suite("Library façade")
struct LibraryFacadeTests {
    @Test func loadsRendersAndLintsTheExample() throws {
        let path = CLI.repositoryRoot.appendingPathComponent("Docs/examples/session-store.yaml").path
        let topology = try Topograph.Topology(contentsOf: path)
        #expect(topology.name == "session-store")
        #expect(topology.stageNames == ["V1", "V2", "V3"])
        let mermaid = String(decoding: try topology.render(.mermaid, stage: "V1"), as: UTF8.self)
        #expect(mermaid.contains("flowchart"))
        let svg = String(decoding: try topology.render(.svg), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(try topology.lintJSON().contains("\"findings\""))
        #expect(throws: Topograph.InputError.self) { try topology.render(.dot, stage: "V9") }
    }

    @Test func inputErrorsCarryPositions() {
        do {
            _ = try Topograph.Topology(yaml: "topograph: 1\nname: x\nresources:\n  a: { kind: albb }\n", file: "x.yaml")
            Issue.record("expected an input error")
        } catch let error as Topograph.InputError {
            #expect(error.diagnostics.first?.hasPrefix("x.yaml:4:") == true)
            #expect(error.description.contains("[unknown-kind]"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
