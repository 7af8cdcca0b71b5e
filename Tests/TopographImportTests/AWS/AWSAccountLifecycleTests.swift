import Foundation
import Testing
@testable import TopographModel
@testable import TopographImport

/// How resources behave over time, read from canned CLI answers and from a template alike
/// (the account reader writes what it reads as the template resources that say it): a
/// function's timeout and failure destination, key and secret rotation, a bus's archive, who
/// reaches an EKS API server.
@Suite("AWS account reader: timeouts, rotation, archives, endpoint access")
struct AWSAccountLifecycleTests {
    static let account = "111122223333"
    static let worker = "arn:aws:lambda:us-east-1:\(account):function:worker"
    static let rotator = "arn:aws:lambda:us-east-1:\(account):function:rotator"
    static let failures = "arn:aws:sqs:us-east-1:\(account):worker-failures"

    static let answers: [String: String] = [
        "sts_get-caller-identity": #"{"Account": "\#(account)"}"#,
        "ec2_describe-vpcs": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}"#,
        "ec2_describe-subnets": #"{"Subnets": [{"SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a"}]}"#,
        "lambda_list-functions": #"{"Functions": [{"FunctionArn": "\#(worker)", "FunctionName": "worker", "Runtime": "python3.12", "Timeout": 30}, {"FunctionArn": "\#(rotator)", "FunctionName": "rotator", "Runtime": "python3.12", "Timeout": 3}]}"#,
        // The fake answers every function alike: both send failures to the queue.
        "lambda_list-function-event-invoke-configs": #"{"FunctionEventInvokeConfigs": [{"FunctionArn": "\#(worker):$LATEST", "MaximumRetryAttempts": 1, "DestinationConfig": {"OnSuccess": {}, "OnFailure": {"Destination": "\#(failures)"}}}]}"#,
        "sqs_list-queues": #"{"QueueUrls": ["https://sqs.us-east-1.amazonaws.com/\#(account)/worker-failures"]}"#,
        "kms_list-aliases": #"{"Aliases": [{"AliasName": "alias/orders", "TargetKeyId": "k-1", "AliasArn": "arn:aws:kms:us-east-1:\#(account):alias/orders"}, {"AliasName": "alias/aws/s3", "TargetKeyId": "k-aws"}]}"#,
        "kms_get-key-rotation-status": #"{"KeyRotationEnabled": true}"#,
        "secretsmanager_list-secrets": #"{"SecretList": [{"ARN": "arn:aws:secretsmanager:us-east-1:\#(account):secret:db-AbC", "Name": "db", "RotationEnabled": true, "RotationLambdaARN": "\#(rotator)", "RotationRules": {"AutomaticallyAfterDays": 30}}, {"ARN": "arn:aws:secretsmanager:us-east-1:\#(account):secret:api-XyZ", "Name": "api"}]}"#,
        "events_list-event-buses": #"{"EventBuses": [{"Name": "default"}, {"Name": "orders"}]}"#,
        "events_list-archives": #"{"Archives": [{"ArchiveName": "orders-archive", "EventSourceArn": "arn:aws:events:us-east-1:\#(account):event-bus/orders", "State": "ENABLED", "RetentionDays": 7}]}"#,
        "eks_list-clusters": #"{"clusters": ["platform"]}"#,
        "eks_describe-cluster": #"{"cluster": {"name": "platform", "arn": "arn:aws:eks:us-east-1:\#(account):cluster/platform", "version": "1.30", "resourcesVpcConfig": {"subnetIds": ["subnet-a"], "securityGroupIds": [], "endpointPublicAccess": true, "endpointPrivateAccess": true, "publicAccessCidrs": ["203.0.113.0/24"]}}}"#,
    ]

    static func fields(_ stage: StageTopology, _ kind: KindID, named name: String) throws -> [String: AttributeValue] {
        try #require(stage.resources.first { $0.kind == kind && $0.fields["name"]?.stringValue == name }, "\(kind) \(name)").fields
    }

    @Test("the account's timeouts, failure destinations, rotation, archives and endpoint access become attributes")
    func account() throws {
        let fake = try FakeCLI.account(Self.answers)
        defer { fake.remove() }
        let reader = AWSAccountReader(cli: try fake.cli())
        let stage = TopologyImporter().run(try reader.read()).topology(name: "shop")
        let queue = try #require(stage.resources.first { $0.kind == .sqs }).id
        let worker = try Self.fields(stage, .lambda, named: "worker")
        #expect(worker["timeout"] == .int(30))
        #expect(worker["on_failure"] == .string(queue))
        let rotatorID = try #require(stage.resources.first { $0.kind == .lambda && $0.fields["name"]?.stringValue == "rotator" }).id
        #expect(try Self.fields(stage, .secretsManager, named: "db")["rotation_days"] == .int(30))
        #expect(try Self.fields(stage, .secretsManager, named: "db")["rotation"] == .string(rotatorID))
        #expect(try Self.fields(stage, .secretsManager, named: "api")["rotation_days"] == nil, "a secret without rotation has none")
        #expect(try #require(stage.resources.first { $0.kind == .kmsKey }).fields["rotation"] == .bool(true))
        #expect(stage.resources.filter { $0.kind == .kmsKey }.count == 1, "AWS-managed keys are not read")
        #expect(try Self.fields(stage, .eventBridgeBus, named: "orders")["archive_days"] == .int(7))
        let eks = try Self.fields(stage, .eksCluster, named: "platform")
        #expect(eks["endpoint_public"] == .bool(true))
        #expect(eks["endpoint_private"] == .bool(true))
        #expect(eks["public_cidrs"] == .list([.string("203.0.113.0/24")]))
    }

    @Test("a template's invoke configs, rotation schedules and archives say the same")
    func template() throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        let path = try scratch.write("stack.yaml", """
            Resources:
              Failures: { Type: AWS::SQS::Queue }
              Worker: { Type: AWS::Lambda::Function, Properties: { FunctionName: worker, Runtime: python3.12, Timeout: 45, Role: r, Code: { ZipFile: x }, Handler: i.h } }
              WorkerInvoke:
                Type: AWS::Lambda::EventInvokeConfig
                Properties: { FunctionName: !Ref Worker, Qualifier: $LATEST, DestinationConfig: { OnFailure: { Destination: !GetAtt Failures.Arn } } }
              Rotator: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.12, Role: r, Code: { ZipFile: x }, Handler: i.h } }
              Secret: { Type: AWS::SecretsManager::Secret, Properties: { Name: db } }
              Rotation:
                Type: AWS::SecretsManager::RotationSchedule
                Properties: { SecretId: !Ref Secret, RotationLambdaARN: !GetAtt Rotator.Arn, RotationRules: { ScheduleExpression: rate(14 days) } }
              Bus: { Type: AWS::Events::EventBus, Properties: { Name: orders } }
              Archive: { Type: AWS::Events::Archive, Properties: { SourceArn: !GetAtt Bus.Arn } }
            """)
        let result = TopologyImporter().run(try CloudFormationLoader().load(paths: [path]))
        let stage = result.topology(name: "stack")
        let worker = try Self.fields(stage, .lambda, named: "worker")
        #expect(worker["timeout"] == .int(45))
        #expect(worker["on_failure"] == .string(try #require(stage.resources.first { $0.kind == .sqs }).id))
        let secret = try Self.fields(stage, .secretsManager, named: "db")
        #expect(secret["rotation_days"] == .int(14))
        #expect(secret["rotation"] == .string(try #require(stage.resources.first { $0.kind == .lambda && $0.fields["name"]?.stringValue != "worker" }).id))
        #expect(try Self.fields(stage, .eventBridgeBus, named: "orders")["archive_days"] == .int(0), "an archive without RetentionDays keeps events forever")
    }
}
