import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
import TopographTestSupport

@Suite("Topology parser")
struct TopologyParserTests {
    func load(_ yaml: String) throws -> LoadedTopology {
        try TopologyLoader().load(text: yaml, file: "test.yaml")
    }

    @Test func shortAndLongConnectionFormsAreTheSameEdge() throws {
        let short = try load("""
            topograph: 1
            name: t
            resources: { a: { kind: user }, b: { kind: alb } }
            connections:
              - a -> b: HTTPS 443
            """)
        let long = try load("""
            topograph: 1
            name: t
            resources: { a: { kind: user }, b: { kind: alb } }
            connections:
              - { from: a, to: b, label: HTTPS 443 }
            """)
        #expect(short.stages[0].connections == long.stages[0].connections)
        #expect(short.stages[0].connections[0].label == "HTTPS 443")
    }

    @Test func connectionEndsPointInsideTheShortForm() throws {
        let yaml = """
            topograph: 1
            name: t
            resources: { a: { kind: user } }
            connections:
              - a ->   missing
            """
        let error = #expect(throws: TopologyInputError.self) { try load(yaml) }
        #expect(error?.diagnostics.first?.location == SourceLocation(file: "test.yaml", line: 5, column: 12))
    }

    @Test func connectionDetailsInTheShortForm() throws {
        let topology = try load("""
            topograph: 1
            name: t
            resources: { web: { kind: ecs-service }, cache: { kind: elasticache-redis } }
            connections:
              - web -> cache: { label: sessions, port: 6379, protocol: tcp }
            """)
        let connection = try #require(topology.stages[0].connections.first)
        #expect(connection.port == 6379)
        #expect(connection.protocol == "tcp")
        #expect(connection.label == "sessions")
    }

    @Test func yaml12BooleansOnly() throws {
        let topology = try load("""
            topograph: 1
            name: t
            resources:
              on: { kind: user, label: yes }
              web: { kind: ecs-service, exec: true, desired: 0x10 }
            """)
        let stage = topology.stages[0]
        #expect(stage.resource("on")?.label == "yes")
        #expect(stage.resource("web")?.bool("exec") == true)
        #expect(stage.resource("web")?.int("desired") == 16)
    }

    @Test func quotedNumbersStayStrings() throws {
        let yaml = """
            topograph: 1
            name: t
            resources:
              web: { kind: ecs-service, desired: "2" }
            """
        let error = #expect(throws: TopologyInputError.self) { try load(yaml) }
        #expect(error?.diagnostics.first?.code.rawValue == "invalid-type")
    }

    @Test func labelAndNameDefaultToTheID() throws {
        let topology = try load("""
            topograph: 1
            name: t
            resources:
              web-app: { kind: ecs-service }
            """)
        let web = try #require(topology.stages[0].resource("web-app"))
        #expect(web.label == "web-app")
        #expect(web.name == "web-app")
    }

    @Test func withoutStagesThereIsOneDefaultStage() throws {
        let topology = try load("""
            topograph: 1
            name: t
            resources: { a: { kind: user } }
            """)
        #expect(topology.stageNames == ["default"])
    }

    @Test func resourceCountIsBounded() throws {
        var limits = InputLimits()
        limits.maxResources = 3
        let yaml = "topograph: 1\nname: t\nresources:\n" + (0..<5).map { "  r\($0): { kind: user }" }.joined(separator: "\n")
        let error = #expect(throws: TopologyInputError.self) {
            try TopologyLoader(limits: limits).load(text: yaml, file: "big.yaml")
        }
        #expect(error?.diagnostics.map(\.code.rawValue) == ["too-many-resources"])
        #expect(error?.diagnostics.first?.location?.line == 7)
    }

    @Test func fileSizeIsBounded() throws {
        var limits = InputLimits()
        limits.maxFileBytes = 100
        let yaml = "topograph: 1\nname: t\nresources:\n  a: { kind: user, notes: \(String(repeating: "x", count: 200)) }\n"
        let error = #expect(throws: TopologyInputError.self) {
            try TopologyLoader(limits: limits).load(text: yaml, file: "big.yaml")
        }
        #expect(error?.diagnostics.map(\.code.rawValue) == ["input-too-large"])
    }

    @Test func blockScalarsDoNotCountAsNesting() throws {
        let deepText = (0..<100).map { String(repeating: " ", count: 6 + $0) + "line \($0)" }.joined(separator: "\n")
        let topology = try load("topograph: 1\nname: t\nresources:\n  a:\n    kind: user\n    notes: |\n\(deepText)\n")
        #expect(topology.stages[0].resource("a")?.notes?.contains("line 99") == true)
    }

    @Test func everyErrorIsCollected() throws {
        let yaml = """
            topograph: 1
            name: t
            resources:
              a: { kind: albb }
              b: { kind: ecs-service, desired: many }
            connections:
              - a -> nowhere
            """
        let error = #expect(throws: TopologyInputError.self) { try load(yaml) }
        #expect(error?.diagnostics.map(\.code.rawValue) == ["unknown-kind", "invalid-type", "unknown-endpoint"])
    }
}
