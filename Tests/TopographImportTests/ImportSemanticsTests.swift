import Foundation
import Testing
@testable import TopographModel
@testable import TopographImport

/// What a template means, not only what it writes: SAM's transform, Conditions with
/// parameter values, stack names.
@Suite("Import semantics")
struct ImportSemanticsTests {
    static let sam = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Env: { Type: String, Default: prod }
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsDev: !Not [!Condition IsProd]
        Globals:
          Function: { Runtime: python3.12 }
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            Properties: { QueueName: !Sub "${AWS::StackName}-jobs" }
          DevOnly:
            Type: AWS::SQS::Queue
            Condition: IsDev
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              MemorySize: !If [IsProd, 1024, 128]
              Events:
                Jobs: { Type: SQS, Properties: { Queue: !GetAtt Queue.Arn } }
                Get: { Type: HttpApi, Properties: { Path: /jobs, Method: get } }
          Table:
            Type: AWS::Serverless::SimpleTable
            Properties: { TableName: jobs }
        """

    func run(_ configure: (CloudFormationLoader) -> Void = { _ in }) throws -> ImportResult {
        let path = try ImportRobustnessTests.template(Self.sam, name: "jobs")
        let loader = CloudFormationLoader()
        configure(loader)
        return TopologyImporter().run(try loader.load(paths: [path]))
    }

    @Test func samEventsAndTypesBecomeWhatSAMDeploys() throws {
        let result = try run()
        func kind(_ id: String) -> KindID? { result.resources.first { $0.id == id }?.kind }
        #expect(kind("worker") == .lambda)
        #expect(kind("table") == .dynamodb)
        #expect(result.resources.first { $0.id == "worker" }?.fields["runtime"] == .string("python3.12"))  // from Globals
        let api = try #require(result.resources.first { $0.kind == .httpAPI })
        #expect(api.fields["routes"] == .list([.string("GET /jobs")]))
        #expect(api.fields["stage_name"] == .string("$default"))
        let edges = Set(result.connections.map { "\($0.from) -> \($0.to)" })
        #expect(edges.contains("queue -> worker"))
        #expect(edges.contains("\(api.id) -> worker"))
    }

    @Test func conditionsFollowTheParameters() throws {
        #expect(try run().resources.contains { $0.id == "dev-only" } == false)
        let model = try CloudFormationLoader().load(paths: [try ImportRobustnessTests.template(Self.sam, name: "jobs")])
        #expect(model.notDeployed == ["DevOnly"])
        #expect(model.resources.first { $0.logicalID == "Worker" }?["MemorySize"]?.int == 1024)
        let dev = try run { $0.parameterOverrides = ["Env": "dev"] }
        #expect(dev.resources.contains { $0.id == "dev-only" })
        #expect(dev.model.resources.first { $0.logicalID == "Worker" }?["MemorySize"]?.int == 128)
    }

    @Test func stackNamesComeFromTheOptionTheFileOrAPlaceholder() throws {
        func queueName(_ result: ImportResult) -> String? { result.resources.first { $0.id == "queue" }?.fields["name"]?.stringValue }
        #expect(queueName(try run()) == "jobs-jobs")
        #expect(queueName(try run { $0.stackNames = ["": "batch"] }) == "batch-jobs")
        #expect(queueName(try run { $0.unnamedStackIsPlaceholder = true }) == "<AWS::StackName>-jobs")
    }

    @Test func nestedPathsAreJoinedAsWritten() {
        #expect(CloudFormationLoader.join("infra/orders", "../shared/dlq.yaml") == "infra/shared/dlq.yaml")
        #expect(CloudFormationLoader.join("orders", "../../shared/dlq.yaml") == "../shared/dlq.yaml")
        #expect(CloudFormationLoader.join("/abs/dir", "./child.yaml") == "/abs/dir/child.yaml")
    }
}
