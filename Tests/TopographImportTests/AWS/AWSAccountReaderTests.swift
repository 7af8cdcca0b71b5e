import Foundation
import Testing
@testable import TopographModel
@testable import TopographImport

/// The account readers' translation, from canned CLI answers (files named `SERVICE_OPERATION.json`
/// served by a fake `aws`): what becomes a resource, where it sits, what connects.
@Suite("AWS account reader")
struct AWSAccountReaderTests {
    static let answers: [String: String] = [
        "sts_get-caller-identity": #"{"Account": "111122223333"}"#,
        "ec2_describe-vpcs": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "Tags": [{"Key": "Name", "Value": "shop"}]}, {"VpcId": "vpc-default", "CidrBlock": "172.31.0.0/16", "IsDefault": true}]}"#,
        "ec2_describe-subnets": #"{"Subnets": [ {"SubnetId": "subnet-pub", "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/24", "AvailabilityZone": "us-east-1a", "Tags": [{"Key": "topograph:id", "Value": "public-a"}]}, {"SubnetId": "subnet-priv", "VpcId": "vpc-1", "CidrBlock": "10.0.10.0/24", "AvailabilityZone": "us-east-1a", "Tags": [{"Key": "Name", "Value": "private-a"}]}, {"SubnetId": "subnet-default", "VpcId": "vpc-default", "CidrBlock": "172.31.0.0/20", "AvailabilityZone": "us-east-1a"}]}"#,
        "ec2_describe-internet-gateways": #"{"InternetGateways": [{"InternetGatewayId": "igw-1", "Attachments": [{"VpcId": "vpc-1"}]}]}"#,
        "ec2_describe-route-tables": #"{"RouteTables": [ {"RouteTableId": "rtb-main", "VpcId": "vpc-1", "Associations": [{"Main": true}], "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local"}]}, {"RouteTableId": "rtb-pub", "VpcId": "vpc-1", "Associations": [{"SubnetId": "subnet-pub"}], "Routes": [{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-1"}]}]}"#,
        "ec2_describe-security-groups": #"{"SecurityGroups": [ {"GroupId": "sg-alb", "VpcId": "vpc-1", "GroupName": "alb", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}, {"GroupId": "sg-web", "VpcId": "vpc-1", "GroupName": "web", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": "sg-alb"}]}]}]}"#,
        "elbv2_describe-load-balancers": #"{"LoadBalancers": [{"LoadBalancerArn": "arn:lb/shop", "LoadBalancerName": "shop", "Type": "application", "Scheme": "internet-facing", "VpcId": "vpc-1", "DNSName": "shop-1.us-east-1.elb.amazonaws.com", "AvailabilityZones": [{"SubnetId": "subnet-pub"}], "SecurityGroups": ["sg-alb"]}]}"#,
        "elbv2_describe-target-groups": #"{"TargetGroups": [{"TargetGroupArn": "arn:tg/web", "VpcId": "vpc-1", "TargetType": "ip", "Port": 8080, "Protocol": "HTTP", "HealthCheckPath": "/health"}]}"#,
        "elbv2_describe-listeners": #"{"Listeners": [{"ListenerArn": "arn:listener/443", "LoadBalancerArn": "arn:lb/shop", "Port": 443, "Protocol": "HTTPS", "DefaultActions": [{"Type": "forward", "TargetGroupArn": "arn:tg/web"}]}]}"#,
        "ecs_list-clusters": #"{"clusterArns": ["arn:cluster/shop"]}"#,
        "ecs_describe-clusters": #"{"clusters": [{"clusterArn": "arn:cluster/shop", "clusterName": "shop"}]}"#,
        "ecs_list-services": #"{"serviceArns": ["arn:service/shop/web"]}"#,
        "ecs_describe-services": #"{"services": [{"serviceArn": "arn:service/shop/web", "serviceName": "web", "clusterArn": "arn:cluster/shop", "launchType": "FARGATE", "desiredCount": 2, "taskDefinition": "arn:task/web:3", "enableExecuteCommand": true, "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-priv"], "securityGroups": ["sg-web"]}}, "loadBalancers": [{"targetGroupArn": "arn:tg/web", "containerName": "web", "containerPort": 8080}]}]}"#,
        "ecs_describe-task-definition": #"{"taskDefinition": {"taskDefinitionArn": "arn:task/web:3", "containerDefinitions": [ {"name": "web", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.0", "portMappings": [{"containerPort": 8080}]}]}}"#,
        "ecr_describe-repositories": #"{"repositories": [{"repositoryArn": "arn:repo/web", "repositoryName": "web", "repositoryUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web"}]}"#,
        "elasticache_describe-serverless-caches": "",
    ]

    static func fakeAccount() throws -> FakeCLI { try FakeCLI.account(answers) }

    @Test("the account becomes the topology its templates would")
    func translation() throws {
        let fake = try Self.fakeAccount()
        defer { fake.remove() }
        let result = TopologyImporter().run(try AWSAccountReader(cli: try fake.cli()).read())
        let stage = result.topology(name: "shop")
        func resource(_ id: String) -> Resource? { stage.resource(id) }
        #expect(resource("shop")?.kind == .vpc)
        #expect(resource("public-a")?.fields["access"]?.stringValue == "public", "route to the internet gateway")
        #expect(resource("private-a")?.fields["access"]?.stringValue == "private", "on the main table, which has no such route")
        #expect(stage.resources.allSatisfy { $0.fields["cidr"]?.stringValue != "172.31.0.0/16" }, "the default VPC is left out")
        #expect(!stage.resources.contains { $0.id.contains("default") })
        let alb = try #require(stage.resources.first { $0.kind == .alb })
        #expect(alb.fields["listeners"] == .list([.int(443)]))
        #expect(alb.fields["health_check"]?.stringValue == "/health")
        #expect(alb.parent == "public-a")
        // The repository "web" is read first and keeps the id; the service becomes web-2.
        let web = try #require(stage.resources.first { $0.kind == .ecsService })
        #expect(stage.resource(web.parent ?? "")?.kind == .ecsCluster)
        #expect(web.fields["desired"] == .int(2))
        #expect(web.fields["exec"] == .bool(true))
        #expect(web.fields["launch"]?.stringValue == "fargate")
        #expect(web.fields["in"] != nil || web.parent != nil)
        let repository = try #require(stage.resources.first { $0.kind == .ecr })
        let edges = Set(stage.connections.map { "\($0.from) -> \($0.to)" })
        #expect(edges == ["\(alb.id) -> \(web.id)", "internet -> \(alb.id)", "\(repository.id) -> \(web.id)"],
                "listener -> target group -> service; ingress from 0.0.0.0/0; the image's repository")
        #expect(stage.connections.contains { $0.from == alb.id && $0.to == web.id && $0.port == 8080 })
        #expect(result.model.sources == ["aws:account/111122223333/us-east-1"])
    }

    @Test("--vpc keeps the VPC's resources; --tag keeps tagged ones with their containers")
    func scope() throws {
        let fake = try Self.fakeAccount()
        defer { fake.remove() }
        let model = try AWSAccountReader(cli: try fake.cli()).read()
        let tagged = AWSScopeFilter.apply(AWSScope(tags: [AWSTag(key: "topograph:id", value: "public-a")]), to: model)
        let stage = TopologyImporter().run(tagged).topology(name: "t")
        #expect(Set(stage.resources.filter { $0.kind != .availabilityZone }.map(\.id)) == ["public-a", "shop"])
        let inVPC = TopologyImporter().run(AWSScopeFilter.apply(AWSScope(vpc: "vpc-1"), to: model)).topology(name: "v")
        #expect(inVPC.resources.contains { $0.kind == .ecsService })
        #expect(inVPC.resources.contains { $0.kind == .ecr }, "no VPC, but its image pulls connect it to the service")
    }

    @Test("drift reads only what the documented kinds need")
    func kindsNarrowTheCalls() throws {
        let fake = try Self.fakeAccount()
        defer { fake.remove() }
        let all = AWSAccountReader(cli: try fake.cli())
        _ = try all.read()
        let narrow = AWSAccountReader(cli: try fake.cli(), scope: AWSScope(kinds: ["vpc", "subnet"]))
        _ = try narrow.read()
        #expect(narrow.callCount < all.callCount / 2)
    }
}
