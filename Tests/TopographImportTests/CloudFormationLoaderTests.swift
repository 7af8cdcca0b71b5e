import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographImport
import TopographTestSupport

/// Writes templates to a scratch directory (nested stacks and cdk.out need real files).
struct TemplateScratch {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("topograph-import-\(UUID().uuidString)")
        // A project root (`.git`), so nested templates here are inside it (`ReadContainment`).
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("CloudFormation loader")
struct CloudFormationLoaderTests {
    static let shortForms = """
        Parameters:
          Env: { Type: String, Default: prod }
          Unset: { Type: String }
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: 10.0.0.0/16 }
          Subnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              AvailabilityZone: !Select [1, !GetAZs ""]
              CidrBlock: !Select [0, [10.0.1.0/24, 10.0.2.0/24]]
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: !Sub "${Env}-${AWS::Region}-${Unset}-${!Literal}"
              Tags:
                - { Key: owner, Value: !GetAtt Vpc.CidrBlock }
                - { Key: zone, Value: !GetAtt [Subnet, AvailabilityZone] }
                - { Key: joined, Value: !Join ["/", [a, !Ref Vpc]] }
                - { Key: typo, Value: !Ref Vcp }
        """

    @Test func shortFormTagsResolve() throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        let path = try scratch.write("stack.yaml", Self.shortForms)
        let model = try CloudFormationLoader(region: "eu-west-1").load(paths: [path])
        let subnet = try #require(model.resources.first { $0.logicalID == "Subnet" })
        #expect(subnet["VpcId"] == .reference(IaCReference(key: "Vpc")))
        #expect(subnet["AvailabilityZone"] == .zoneIndex(1))
        #expect(subnet["CidrBlock"] == .string("10.0.1.0/24"))
        let queue = try #require(model.resources.first { $0.logicalID == "Queue" })
        #expect(queue["QueueName"]?.text == "prod-eu-west-1-<Unset>-${Literal}")
        let tags = queue["Tags"]?.list ?? []
        #expect(tags[0]["Value"] == .reference(IaCReference(key: "Vpc", attribute: "CidrBlock")))
        #expect(tags[1]["Value"] == .reference(IaCReference(key: "Subnet", attribute: "AvailabilityZone")))
        #expect(tags[2]["Value"] == .text("a/<Vpc>", references: [IaCReference(key: "Vpc")]))
        #expect(tags[3]["Value"] == .unknown("Ref"))
    }

    /// A short-form tag keeps its position: the warning points at `!Ref Vcp` itself.
    @Test func unresolvedReferenceIsReportedAtItsTag() throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        let path = try scratch.write("stack.yaml", Self.shortForms)
        let model = try CloudFormationLoader().load(paths: [path])
        let warning = try #require(model.warnings.first { $0.code == .unresolvedRef })
        #expect(warning.message.contains("Vcp"))
        #expect(warning.location == SourceLocation(file: path, line: 22, column: 31))
    }

    @Test func jsonLongFormReadsLikeYAMLShortForm() throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        let yaml = try scratch.write("a.yaml", """
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
              Subnet:
                Type: AWS::EC2::Subnet
                Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs ""], CidrBlock: 10.1.0.0/24 }
            """)
        let json = try scratch.write("b.json", """
            {"Resources": {
              "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.1.0.0/16"}},
              "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"},
                "AvailabilityZone": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}, "CidrBlock": "10.1.0.0/24"}}}}
            """)
        let fromYAML = TopologyImporter().run(try CloudFormationLoader().load(paths: [yaml]))
        let fromJSON = TopologyImporter().run(try CloudFormationLoader().load(paths: [json]))
        #expect(fromYAML.resources.map(\.id) == fromJSON.resources.map(\.id))
        #expect(fromYAML.resources.map(\.fields) == fromJSON.resources.map(\.fields))
        #expect(fromJSON.resources.first { $0.id == "subnet" }?.parent == "az-a")
    }

    /// A nested stack's template is read with the parameters its parent passes, and the
    /// parent reads the child's outputs.
    @Test func nestedStacksShareReferences() throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        try scratch.write("network.yaml", """
            Parameters:
              VpcId: { Type: String }
            Resources:
              PrivateSubnet:
                Type: AWS::EC2::Subnet
                Properties: { VpcId: !Ref VpcId, AvailabilityZone: eu-west-1a, CidrBlock: 10.0.1.0/24 }
            Outputs:
              SubnetId: { Value: !Ref PrivateSubnet }
            """)
        let parent = try scratch.write("main.yaml", """
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
              Network:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: network.yaml
                  Parameters: { VpcId: !Ref Vpc }
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: worker
                  VpcConfig: { SubnetIds: [!GetAtt Network.Outputs.SubnetId] }
            """)
        let result = TopologyImporter().run(try CloudFormationLoader().load(paths: [parent]))
        let subnet = try #require(result.resources.first { $0.kind == .subnet })
        #expect(result.sourceByID[subnet.id]?.key == "Network/PrivateSubnet")
        let zone = try #require(result.resources.first { $0.id == subnet.parent })
        #expect(zone.kind == .availabilityZone && zone.parent == "vpc")
        #expect(result.resources.first { $0.kind == .lambda }?.parent == subnet.id)
    }

    @Test func nestedStackWithoutLocalTemplateIsAWarning() throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        let path = try scratch.write("main.yaml", """
            Resources:
              Remote:
                Type: AWS::CloudFormation::Stack
                Properties: { TemplateURL: "https://s3.amazonaws.com/bucket/child.yaml" }
            """)
        let model = try CloudFormationLoader().load(paths: [path])
        #expect(model.resources.isEmpty)
        #expect(model.warnings.contains { $0.code == .nestedStackNotFound && $0.location?.line == 2 })
    }

    /// `cdk synth` output: stacks from manifest.json, ids from construct paths rather than
    /// hashed logical ids.
    @Test func cdkOutUsesConstructPaths() throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        try scratch.write("cdk.out/manifest.json", """
            {"version": "36.0.0", "artifacts": {
              "AppStack": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
                           "properties": {"templateFile": "AppStack.template.json"}, "displayName": "AppStack"},
              "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}}}
            """)
        try scratch.write("cdk.out/AppStack.template.json", """
            {"Resources": {
              "Vpc8378EB38": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"},
                              "Metadata": {"aws:cdk:path": "AppStack/Vpc/Resource"}},
              "VpcPrivateSubnet1Subnet536B997A": {"Type": "AWS::EC2::Subnet",
                 "Properties": {"VpcId": {"Ref": "Vpc8378EB38"}, "AvailabilityZone": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}, "CidrBlock": "10.0.128.0/18"},
                 "Metadata": {"aws:cdk:path": "AppStack/Vpc/PrivateSubnet1/Subnet"}},
              "CDKMetadata": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2:deflate64:H4sI"}}}}
            """)
        let result = TopologyImporter().run(try CloudFormationLoader().load(paths: [scratch.directory.appendingPathComponent("cdk.out").path]))
        #expect(result.resources.map(\.id).contains("vpc-private-subnet-1-subnet"))
        #expect(result.resources.map(\.id).contains("vpc"))
        #expect(result.notes.contains { $0.type == "AWS::CDK::Metadata" && $0.outcome == .skipped })
    }

    @Test func brokenTemplatesAreInputErrorsWithPositions() throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        let syntax = try scratch.write("syntax.yaml", "Resources:\n  Vpc: { Type: AWS::EC2::VPC\n")
        let noResources = try scratch.write("none.yaml", "Description: nothing\n")
        let noType = try scratch.write("notype.yaml", "Resources:\n  Vpc:\n    Properties: {}\n")
        for (path, code, line) in [(syntax, "yaml-syntax", 3), (noResources, "not-a-template", 1), (noType, "invalid-resource", 2)] {
            let error = try #require(throws: TopologyInputError.self) { try CloudFormationLoader().load(paths: [path]) }
            #expect(error.diagnostics.first?.code.rawValue == code, "\(path)")
            #expect(error.diagnostics.first?.location?.line == line, "\(path)")
        }
    }

    @Test("identifiers become slugs", arguments: [
        ("PrivateSubnetA", "private-subnet-a"), ("ALBListener", "alb-listener"), ("Subnet1", "subnet-1"),
        ("Vpc-PrivateSubnet1-Subnet", "vpc-private-subnet-1-subnet"), ("web_service", "web-service"), ("9Lives", "r-9-lives"),
    ])
    func slugs(_ input: String, _ expected: String) {
        #expect(ImportBuilder.slug(input) == expected)
    }
}
