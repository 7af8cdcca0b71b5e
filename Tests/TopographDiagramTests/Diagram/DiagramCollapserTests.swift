import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographDiagram
import TopographTestSupport

@Suite("DiagramCollapser")
struct DiagramCollapserTests {
    func diagram(services: Int, clusters: Int = 1) throws -> Diagram {
        var yaml = """
            topograph: 1
            name: many
            resources:
              vpc: { kind: vpc }
              private-a: { kind: subnet, in: vpc, access: private }
              alb: { kind: alb, in: vpc }

            """
        for c in 1...clusters {
            yaml += "  cluster-\(c): { kind: ecs-cluster, in: private-a }\n"
            for s in 1...services { yaml += "  svc-\(c)-\(s): { kind: ecs-service, in: cluster-\(c) }\n" }
        }
        yaml += "connections:\n"
        for c in 1...clusters { for s in 1...services { yaml += "  - alb -> svc-\(c)-\(s): HTTP\n" } }
        let topology = try TopologyLoader().load(text: yaml, file: "many.yaml")
        return DiagramBuilder().build(topology.stages[0])
    }

    @Test func siblingsOfOneKindMergeAndTheirEdgesMergeWithACount() throws {
        let collapsed = DiagramCollapser().collapse(try diagram(services: 5))
        let groups = collapsed.allNodes.filter { $0.id.hasSuffix("--group") }
        #expect(groups.count == 1)
        #expect(groups.first?.label == "5 × ECS service")
        #expect(groups.first?.count == 5)
        #expect(collapsed.edges.count == 1)
        #expect(collapsed.edges.first?.label == "HTTP ×5")
    }

    @Test func fewerThanTheMinimumStayAsTheyAre() throws {
        let original = try diagram(services: 2)
        let collapsed = DiagramCollapser().collapse(original)
        #expect(collapsed.allNodes.map(\.id) == original.allNodes.map(\.id))
        #expect(collapsed.edges.count == 2)
    }

    @Test func containersOfOneKindMergeThenTheirChildren() throws {
        let collapsed = DiagramCollapser().collapse(try diagram(services: 3, clusters: 3))
        // Three clusters become one group whose nine services become one node.
        let services = collapsed.allNodes.filter { $0.kind == KindID.ecsService.rawValue }
        #expect(services.count == 1)
        #expect(services.first?.count == 9)
        #expect(collapsed.edges.count == 1)
    }
}
