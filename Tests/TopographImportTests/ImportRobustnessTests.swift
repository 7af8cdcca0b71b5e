import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographImport
import TopographTestSupport

/// Templates CloudFormation deploys always import: unknowns stay placeholders that
/// validate, and a value AWS would refuse is dropped with a warning at the template's position.
@Suite("Import robustness")
struct ImportRobustnessTests {
    static func template(_ body: String, name: String = "stack") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("topograph-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("\(name).yaml").path
        try body.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func placeholdersPassTheRulesOnTheirKnownParts() {
        #expect(AWSValueRules.bucket.problem("bucket-<aws_account_id>-<aws_region>") == nil)
        #expect(AWSValueRules.bucket.problem("<BucketName>") == nil)
        #expect(AWSValueRules.bucket.problem("Bucket_<aws_region>") != nil)  // the known part breaks the rule
        #expect(AWSValueRules.dnsName.problem("redis.<Fn::ImportValue>") == nil)
        #expect(AWSValueRules.cidrProblem("<VpcCidr>") == nil)
    }

    @Test func refusedValuesAreDroppedWithAWarningAtTheTemplatePosition() throws {
        let path = try Self.template("""
            Parameters:
              DomainName: { Type: String }
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties: { CidrBlock: 10.0.0.0/16 }
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: !Ref Vpc
                  CidrBlock: 10.0.1.0/23
              Site:
                Type: AWS::S3::Bucket
                Properties: { BucketName: !Ref DomainName }
              Logs:
                Type: AWS::S3::Bucket
                Properties: { BucketName: !Sub "logs-${AWS::AccountId}-${AWS::Region}" }
              Database:
                Type: AWS::RDS::DBInstance
                Properties: { Engine: MySQL }
            """)
        let (result, yaml) = try TopologyImport(source: .cloudFormation).run([path])
        _ = try TopologyLoader().load(text: yaml, file: "imported.yaml")
        func resource(_ id: String) throws -> Resource { try #require(result.resources.first { $0.id == id }) }
        #expect(try resource("subnet").fields["cidr"] == nil)
        #expect(try resource("site").fields["name"] == .string("<DomainName>"))
        #expect(try resource("logs").fields["name"] == .string("logs-<aws_account_id>-<aws_region>"))
        #expect(try resource("database").fields["engine"] == .string("mysql"))
        let warning = try #require(result.model.warnings.first { $0.code == .invalidAWSValue })
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: path, line: 11, column: 18))
        #expect(warning.message.contains("Subnet (AWS::EC2::Subnet)"))
    }

    @Test func stacksWithTheSameLogicalIdsStayApart() throws {
        let body = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
            """
        let blue = try Self.template(body, name: "blue")
        let green = try Self.template(body, name: "green")
        let model = try CloudFormationLoader().load(paths: [blue, green])
        #expect(model.resources.map(\.key) == ["Queue", "green/Queue"])
        #expect(TopologyImporter().run(model).resources.count == 2)
    }

    @Test func nestedStacksOnS3AreOneWarningAndMakeTheModelIncomplete() throws {
        let path = try Self.template("""
            Resources:
              Network:
                Type: AWS::CloudFormation::Stack
                Properties: { TemplateURL: https://s3.amazonaws.com/bucket/network.yaml }
              Service:
                Type: AWS::CloudFormation::Stack
                Properties: { TemplateURL: https://s3.amazonaws.com/bucket/service.yaml }
            """)
        let model = try CloudFormationLoader().load(paths: [path])
        let warnings = model.warnings.filter { $0.code == .nestedStackNotFound }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("Network, Service") == true)
        #expect(model.incomplete)
    }
}
