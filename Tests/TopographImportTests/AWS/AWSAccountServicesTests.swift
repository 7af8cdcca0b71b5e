import Foundation
import Testing
@testable import TopographModel
@testable import TopographImport
@testable import TopographInput

/// The kinds the runbooks' service checks look up (state machines, streams, file systems,
/// keys, secrets, alarms, Auto Scaling groups, EKS) read from canned CLI answers, and VPC
/// endpoints the runbooks create without tags paired with the topology's by their service.
@Suite("AWS account reader: services")
struct AWSAccountServicesTests {
    static let answers: [String: String] = [
        "sts_get-caller-identity": #"{"Account": "111122223333"}"#,
        "ec2_describe-vpcs": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}"#,
        "ec2_describe-subnets": #"{"Subnets": [{"SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a"}]}"#,
        "ec2_describe-vpc-endpoints": #"{"VpcEndpoints": [{"VpcEndpointId": "vpce-1", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.logs", "VpcEndpointType": "Interface", "PrivateDnsEnabled": true, "SubnetIds": ["subnet-a"]}, {"VpcEndpointId": "vpce-2", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.api", "VpcEndpointType": "Interface", "PrivateDnsEnabled": true, "SubnetIds": ["subnet-a"]}]}"#,
        "stepfunctions_list-state-machines": #"{"stateMachines": [{"stateMachineArn": "arn:aws:states:us-east-1:111122223333:stateMachine:checkout", "name": "checkout", "type": "EXPRESS"}]}"#,
        "kinesis_list-streams": #"{"StreamNames": ["clicks"]}"#,
        "efs_describe-file-systems": #"{"FileSystems": [{"FileSystemId": "fs-1", "Name": "media", "Tags": [{"Key": "Name", "Value": "media"}]}]}"#,
        "kms_list-aliases": #"{"Aliases": [{"AliasName": "alias/orders", "TargetKeyId": "key-1"}, {"AliasName": "alias/aws/s3", "TargetKeyId": "key-aws"}]}"#,
        "secretsmanager_list-secrets": #"{"SecretList": [{"ARN": "arn:aws:secretsmanager:us-east-1:111122223333:secret:shop/db-AbC", "Name": "shop/db"}]}"#,
        "cloudwatch_describe-alarms": #"{"MetricAlarms": [{"AlarmName": "dlq-not-empty", "MetricName": "ApproximateNumberOfMessagesVisible", "Namespace": "AWS/SQS", "Threshold": 1.0}]}"#,
        "autoscaling_describe-auto-scaling-groups": #"{"AutoScalingGroups": [{"AutoScalingGroupName": "web-fleet", "MinSize": 2, "MaxSize": 6, "DesiredCapacity": 2, "VPCZoneIdentifier": "subnet-a"}]}"#,
        "eks_list-clusters": #"{"clusters": ["shop"]}"#,
        "eks_describe-cluster": #"{"cluster": {"name": "shop", "arn": "arn:aws:eks:us-east-1:111122223333:cluster/shop", "resourcesVpcConfig": {"subnetIds": ["subnet-a"]}}}"#,
        "eks_list-nodegroups": #"{"nodegroups": ["system"]}"#,
        "eks_describe-nodegroup": #"{"nodegroup": {"nodegroupName": "system", "clusterName": "shop", "subnets": ["subnet-a"], "scalingConfig": {"minSize": 3, "maxSize": 6}}}"#,
        "elasticache_describe-serverless-caches": "",
    ]

    static func account() throws -> FakeCLI { try FakeCLI.account(answers) }

    @Test("state machines, streams, file systems, keys, secrets, alarms, fleets and EKS become their kinds")
    func kinds() throws {
        let fake = try Self.account()
        defer { fake.remove() }
        let stage = TopologyImporter().run(try AWSAccountReader(cli: try fake.cli()).read()).topology(name: "shop")
        let kinds = Dictionary(grouping: stage.resources, by: \.kind).mapValues { $0.count }
        for kind: KindID in [.stepFunctions, .kinesisStream, .efs, .kmsKey, .secretsManager, .cloudwatchAlarm, .autoscalingGroup, .eksCluster, .eksNodegroup] {
            #expect(kinds[kind] == 1, "\(kind.rawValue): \(kinds)")
        }
        let nodes = try #require(stage.resources.first { $0.kind == .eksNodegroup })
        #expect(stage.resource(nodes.parent ?? "")?.kind == .eksCluster, "a node group sits in its cluster")
        #expect(stage.resources.first { $0.kind == .stepFunctions }?.fields["name"]?.stringValue == "checkout")
    }

    @Test("untagged VPC endpoints pair with the documented ones by their service, whatever their order")
    func endpointsPairByService() throws {
        let fake = try Self.account()
        defer { fake.remove() }
        let topology = try TopologyLoader().load(text: """
            topograph: 1
            name: shop
            region: us-east-1
            resources:
              vpc: { kind: vpc, cidr: 10.0.0.0/16 }
              private-a: { kind: subnet, in: vpc, cidr: 10.0.1.0/24, az: us-east-1a, access: private }
              ecr-api: { kind: vpc-endpoint, in: vpc, service: ecr.api, endpoint_type: interface, private_dns: true, subnets: [private-a] }
              logs-endpoint: { kind: vpc-endpoint, in: vpc, service: logs, endpoint_type: interface, private_dns: true, subnets: [private-a] }
            """, file: "shop.yaml")
        let model = try AWSAccountReader(cli: try fake.cli(), scope: AWSScope(kinds: ["vpc-endpoint", "vpc", "subnet"])).read()
        let report = DriftChecker().check(topology, stage: try #require(topology.stages.last), model: model)
        #expect(!report.findings.contains { $0.subject.hasPrefix("vpce-") || $0.code == .missingInTemplate }, "\(report.findings.map(\.message))")
    }

    @Test("repositories the images name and CloudWatch drawn as the service are documented without a resource of their own")
    func implied() throws {
        let topology = try TopologyLoader().load(text: """
            topograph: 1
            name: shop
            region: us-east-1
            resources:
              cluster: { kind: ecs-cluster, name: shop }
              web:
                kind: ecs-service
                in: cluster
                containers: [{ name: web, image: "<aws_account_id>.dkr.ecr.us-east-1.amazonaws.com/shop-web:1.2", port: 8080 }]
              images: { kind: ecr, name: shop }
              logs: { kind: cloudwatch }
            """, file: "shop.yaml")
        let stage = try #require(topology.stages.last)
        #expect(DriftChecker.repositoriesNamedByImages(stage) == ["shop-web"])
        #expect(DriftChecker.impliedByTopology(.ecr, name: "shop-web", in: stage))
        #expect(!DriftChecker.impliedByTopology(.ecr, name: "unplanned", in: stage), "a repository nothing names is still reported")
        #expect(DriftChecker.impliedByTopology(.cloudwatch, name: "/ecs/shop-web", in: stage))
        #expect(try DriftChecker.standsForService(#require(stage.resource("logs"))))
        let named = try TopologyLoader().load(text: "topograph: 1\nname: t\nresources:\n  logs: { kind: cloudwatch, name: /ecs/web }\n", file: "t.yaml")
        #expect(!DriftChecker.impliedByTopology(.cloudwatch, name: "/ecs/other", in: try #require(named.stages.last)), "a named log group is one log group")
    }
}
