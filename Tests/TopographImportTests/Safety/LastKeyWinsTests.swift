import Foundation
import Testing
@testable import TopographModel
@testable import TopographImport

/// A key written twice: CloudFormation deploys the last one, and so does import.
@Suite("a key written twice in a template")
struct LastKeyWinsTests {
    static let template = """
        Resources:
          Policy:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: first
              Tags:
                - Key: a
                  Value: b
              # the copy-paste slip
              QueueName: last
          Other:
            Type: AWS::SNS::Topic
        """

    @Test func theLastOneIsReadAndTheFirstIsNamedInAWarning() throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        let path = try scratch.write("twice.yaml", Self.template)
        let model = try CloudFormationLoader().load(paths: [path])
        let queue = try #require(model.resources.first { $0.logicalID == "Policy" })
        #expect(queue.properties["QueueName"] == .string("last"))
        #expect(model.resources.contains { $0.logicalID == "Other" })
        let warning = try #require(model.warnings.first { $0.code == .duplicateKey })
        #expect(warning.severity == .warning)
        #expect(warning.location?.line == 5)
        #expect(warning.message.contains("line 10"))
    }

    @Test func blankingKeepsEveryOtherLineInPlace() throws {
        let blanked = try #require(LastKeyWins.blanking(entryAt: 5, column: 7, in: Self.template))
        let before = Self.template.split(separator: "\n", omittingEmptySubsequences: false)
        let after = blanked.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(after.count == before.count)
        #expect(after[4].isEmpty && after[5] == before[5] && after[9] == before[9])
    }

    @Test(arguments: [
        "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: a, QueueName: b}\n",
        "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        - Key: a\n          Key: b\n",
    ])
    func aDuplicateThatCannotBeBlankedStaysAnErrorAtItsPosition(text: String) throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        let path = try scratch.write("flow.yaml", text)
        #expect(throws: TopologyInputError.self) { try CloudFormationLoader().load(paths: [path]) }
        do {
            _ = try CloudFormationLoader().load(paths: [path])
        } catch let error as TopologyInputError {
            #expect(error.diagnostics.first?.code == .duplicateKey)
            #expect(error.diagnostics.first?.location?.line ?? 0 >= 4)
        }
    }

    @Test func aTerraformPlanKeepsADuplicateAnError() throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        let path = try scratch.write("plan.json", #"{"format_version": "1.2", "terraform_version": "1.9.0", "format_version": "1.2"}"#)
        #expect(throws: TopologyInputError.self) { try TerraformPlanReader().load(paths: [path]) }
    }
}
