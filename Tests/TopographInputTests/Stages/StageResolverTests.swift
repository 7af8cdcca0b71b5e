import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
import TopographTestSupport

@Suite("Stage resolver")
struct StageResolverTests {
    static let yaml = """
        topograph: 1
        name: t
        resources:
          vpc: { kind: vpc }
          subnet: { kind: subnet, in: vpc, access: private }
          web: { kind: ecs-service, in: subnet, desired: 2 }
          db: { kind: rds, in: subnet }
          users: { kind: user }
        connections:
          - users -> web
          - web -> db
        stages:
          - name: V1
          - name: V2
            change:
              web: { desired: 4, exec: true }
            add:
              resources:
                cache: { kind: elasticache-redis, in: subnet }
              connections:
                - web -> cache
          - name: V3
            remove: ["users -> web", subnet]
            change:
              users: { label: null }
        """

    func stages() throws -> [StageTopology] {
        try TopologyLoader().load(text: Self.yaml, file: "t.yaml").stages
    }

    @Test func firstStageIsTheBase() throws {
        let v1 = try stages()[0]
        #expect(v1.resources.map(\.id) == ["vpc", "subnet", "web", "db", "users"])
        #expect(v1.connections.count == 2)
    }

    @Test func changeMergesAndAddAppends() throws {
        let v2 = try stages()[1]
        #expect(v2.resource("web")?.int("desired") == 4)
        #expect(v2.resource("web")?.bool("exec") == true)
        #expect(v2.resource("web")?.parent == "subnet")
        #expect(v2.resources.last?.id == "cache")
        #expect(v2.connections.map(\.endpoints) == ["users -> web", "web -> db", "web -> cache"])
    }

    @Test func removeTakesChildrenAndEdgesAlong() throws {
        let v3 = try stages()[2]
        #expect(v3.resources.map(\.id) == ["vpc", "users"])
        #expect(v3.connections.isEmpty)
    }

    @Test func nullRemovesAnAttribute() throws {
        let v3 = try stages()[2]
        #expect(v3.resource("users")?.fields["label"] == nil)
        #expect(v3.resource("users")?.label == "users")
    }

    @Test func stagesAreIndependentSnapshots() throws {
        let all = try stages()
        #expect(all[0].resource("web")?.int("desired") == 2)
        #expect(all[0].resource("cache") == nil)
    }

    @Test func errorsInOneStageNameTheStage() throws {
        let yaml = """
            topograph: 1
            name: t
            resources:
              web: { kind: ecs-service }
              sg: { kind: security-group }
            stages:
              - name: V1
              - name: V2
                add:
                  connections:
                    - web -> db
            """
        let error = #expect(throws: TopologyInputError.self) {
            try TopologyLoader().load(text: yaml, file: "t.yaml")
        }
        #expect(error?.diagnostics.first?.message.hasSuffix("(in stage 'V2')") == true)
    }
}
