import Foundation
import Testing
@testable import TopographModel
@testable import TopographImport

/// The messaging, event, monitoring and fleet kinds read from canned CLI answers: their
/// attributes, and the connections that prove themselves (topic -> subscriber, queue ->
/// function, rule -> target, state machine -> what its definition calls, alarm -> action,
/// classic load balancer -> Auto Scaling group).
@Suite("AWS account reader: messaging, events and fleets")
struct AWSAccountKindsTests {
    static let account = "111122223333"
    static let queue = "arn:aws:sqs:us-east-1:\(account):orders"
    static let dlq = "arn:aws:sqs:us-east-1:\(account):orders-dlq"
    static let topic = "arn:aws:sns:us-east-1:\(account):order-events"
    static let worker = "arn:aws:lambda:us-east-1:\(account):function:worker"
    static let machine = "arn:aws:states:us-east-1:\(account):stateMachine:fulfil"
    static let policy = "arn:aws:autoscaling:us-east-1:\(account):scalingPolicy:0f1e:autoScalingGroupName/web-fleet:policyName/out"

    static let answers: [String: String] = [
        "sts_get-caller-identity": #"{"Account": "\#(account)"}"#,
        "ec2_describe-vpcs": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}"#,
        "ec2_describe-subnets": #"{"Subnets": [{"SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a"}]}"#,
        "ec2_describe-instances": #"{"Reservations": [{"Instances": [{"InstanceId": "i-1", "InstanceType": "t3.small", "SubnetId": "subnet-a", "State": {"Name": "running"}, "SecurityGroups": [{"GroupId": "sg-fleet"}], "Tags": [{"Key": "aws:autoscaling:groupName", "Value": "web-fleet"}]}]}]}"#,
        "ec2_describe-security-groups": #"{"SecurityGroups": [{"GroupId": "sg-fleet", "GroupName": "fleet", "VpcId": "vpc-1", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [{"GroupId": "sg-elb"}]}]}, {"GroupId": "sg-elb", "GroupName": "elb", "VpcId": "vpc-1", "IpPermissions": []}]}"#,
        "lambda_list-functions": #"{"Functions": [{"FunctionArn": "\#(worker)", "FunctionName": "worker", "Runtime": "python3.12"}]}"#,
        "lambda_list-event-source-mappings": #"{"EventSourceMappings": [{"UUID": "m-1", "FunctionArn": "\#(worker)", "EventSourceArn": "\#(queue)"}]}"#,
        "dynamodb_list-tables": #"{"TableNames": ["orders"]}"#,
        "sqs_list-queues": #"{"QueueUrls": ["https://sqs.us-east-1.amazonaws.com/\#(account)/orders"]}"#,
        "sqs_get-queue-attributes": #"{"Attributes": {"QueueArn": "\#(queue)", "VisibilityTimeout": "180", "MessageRetentionPeriod": "345600", "DelaySeconds": "0", "RedrivePolicy": "{\"deadLetterTargetArn\":\"\#(dlq)\",\"maxReceiveCount\":5}"}}"#,
        "sns_list-topics": #"{"Topics": [{"TopicArn": "\#(topic)"}]}"#,
        "sns_list-subscriptions": #"{"Subscriptions": [{"SubscriptionArn": "\#(topic):s-1", "TopicArn": "\#(topic)", "Protocol": "lambda", "Endpoint": "\#(worker)"}]}"#,
        "events_list-event-buses": #"{"EventBuses": [{"Name": "orders"}]}"#,
        "events_list-rules": #"{"Rules": [{"Name": "placed", "Arn": "arn:aws:events:us-east-1:\#(account):rule/orders/placed", "State": "ENABLED", "EventPattern": "{}"}, {"Name": "Events-Archive-orders-archive", "Arn": "arn:aws:events:us-east-1:\#(account):rule/orders/Events-Archive-orders-archive", "State": "ENABLED", "ManagedBy": "events.amazonaws.com"}]}"#,
        "events_list-targets-by-rule": #"{"Targets": [{"Id": "t", "Arn": "\#(machine)", "RetryPolicy": {"MaximumRetryAttempts": 20}}]}"#,
        "stepfunctions_list-state-machines": #"{"stateMachines": [{"stateMachineArn": "\#(machine)", "name": "fulfil", "type": "STANDARD"}]}"#,
        "stepfunctions_describe-state-machine": #"{"stateMachineArn": "\#(machine)", "loggingConfiguration": {"level": "ERROR"}, "definition": "{\"StartAt\":\"a\",\"States\":{\"a\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:updateItem\",\"Parameters\":{\"TableName\":\"orders\"},\"Next\":\"b\"},\"b\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sns:publish\",\"Parameters\":{\"TopicArn\":\"\#(topic)\"},\"End\":true}}}"}"#,
        "cloudwatch_describe-alarms": #"{"MetricAlarms": [{"AlarmName": "cpu-high", "Namespace": "AWS/EC2", "MetricName": "CPUUtilization", "Statistic": "Average", "ComparisonOperator": "GreaterThanThreshold", "Threshold": 70.0, "Period": 300, "EvaluationPeriods": 2, "Dimensions": [{"Name": "AutoScalingGroupName", "Value": "web-fleet"}], "AlarmActions": ["\#(policy)"]}]}"#,
        "elb_describe-load-balancers": #"{"LoadBalancerDescriptions": [{"LoadBalancerName": "web-elb", "Scheme": "internet-facing", "VPCId": "vpc-1", "Subnets": ["subnet-a"], "SecurityGroups": ["sg-elb"], "ListenerDescriptions": [{"Listener": {"LoadBalancerPort": 443, "Protocol": "HTTPS"}}], "HealthCheck": {"Target": "HTTP:80/health"}}]}"#,
        "elb_describe-load-balancer-attributes": #"{"LoadBalancerAttributes": {"CrossZoneLoadBalancing": {"Enabled": true}, "ConnectionDraining": {"Enabled": true}}}"#,
        "apigatewayv2_get-apis": #"{"Items": [{"ApiId": "ws1", "Name": "chat", "ProtocolType": "WEBSOCKET", "RouteSelectionExpression": "$request.body.action"}]}"#,
        "apigatewayv2_get-routes": #"{"Items": [{"RouteId": "r1", "RouteKey": "$connect"}, {"RouteId": "r2", "RouteKey": "sendMessage"}]}"#,
        "apigatewayv2_get-stages": #"{"Items": [{"StageName": "prod"}]}"#,
        "autoscaling_describe-auto-scaling-groups": #"{"AutoScalingGroups": [{"AutoScalingGroupName": "web-fleet", "MinSize": 2, "MaxSize": 6, "DesiredCapacity": 2, "VPCZoneIdentifier": "subnet-a", "LoadBalancerNames": ["web-elb"], "HealthCheckType": "ELB", "HealthCheckGracePeriod": 300, "LaunchTemplate": {"LaunchTemplateName": "web-lt"}}]}"#,
    ]

    static func stage() throws -> StageTopology {
        var answers = Self.answers
        // The dead-letter queue is listed too; its attributes are the same file, so it is given by name only.
        answers["sqs_list-queues"] = #"{"QueueUrls": ["https://sqs.us-east-1.amazonaws.com/\#(account)/orders", "https://sqs.us-east-1.amazonaws.com/\#(account)/orders-dlq"]}"#
        let fake = try FakeCLI.account(answers)
        defer { fake.remove() }
        return TopologyImporter().run(try AWSAccountReader(cli: try fake.cli()).read()).topology(name: "shop")
    }

    @Test("queues, rules, state machines, alarms, classic ELBs, Auto Scaling groups and WebSocket APIs carry their attributes")
    func attributes() throws {
        let stage = try Self.stage()
        func resource(_ kind: KindID) throws -> Resource { try #require(stage.resources.first { $0.kind == kind && $0.fields["name"]?.stringValue != "orders-dlq" }) }
        let queue = try resource(.sqs)
        #expect(queue.fields["visibility_timeout"] == .int(180))
        #expect(queue.fields["max_receive_count"] == .int(5))
        #expect(queue.fields["dlq"]?.stringValue == stage.resources.first { $0.fields["name"]?.stringValue == "orders-dlq" }?.id)
        let rule = try resource(.eventBridgeRule)
        #expect(stage.resources.filter { $0.kind == .eventBridgeRule }.count == 1, "the archive's rule is EventBridge's own (ManagedBy), not the architecture's")
        #expect(rule.fields["enabled"] == .bool(true))
        #expect(rule.fields["retry_attempts"] == .int(20))
        #expect(rule.fields["bus"]?.stringValue == stage.resources.first { $0.kind == .eventBridgeBus && $0.fields["name"]?.stringValue == "orders" }?.id)
        #expect(try resource(.stepFunctions).fields["logging"] == .string("ERROR"))
        let alarm = try resource(.cloudwatchAlarm)
        #expect(alarm.fields["threshold"] == .int(70))
        #expect(alarm.fields["comparison"] == .string("GreaterThanThreshold"))
        let fleet = try resource(.autoscalingGroup)
        #expect(alarm.fields["watches"]?.stringValue == fleet.id)
        #expect(fleet.fields["instance_type"] == .string("t3.small"), "from the instances it launched")
        #expect(fleet.fields["launch_template"] == .string("web-lt"))
        #expect(fleet.fields["health_check_type"] == .string("ELB"))
        #expect(fleet.fields["desired"] == .int(2))
        let elb = try resource(.elbClassic)
        #expect(elb.fields["listeners"] == .list([.int(443)]))
        #expect(elb.fields["health_check"] == .string("/health"))
        #expect(elb.fields["cross_zone"] == .bool(true))
        #expect(!stage.resources.contains { $0.kind == .ec2 }, "an instance of an Auto Scaling group is the group's, not a resource of its own")
        let chat = try resource(.websocketAPI)
        #expect(chat.fields["routes"] == .list([.string("$connect"), .string("sendMessage")]))
        #expect(chat.fields["stage_name"] == .string("prod"))
        #expect(chat.fields["route_selection"] == .string("$request.body.action"))
    }

    @Test("topic -> subscriber, queue -> function, bus -> rule -> state machine -> table and topic, alarm -> group, ELB -> group")
    func connections() throws {
        let stage = try Self.stage()
        func id(_ kind: KindID, _ name: String? = nil) -> String {
            stage.resources.first { $0.kind == kind && (name == nil || $0.fields["name"]?.stringValue == name) }?.id ?? "?\(kind.rawValue)"
        }
        let edges = Set(stage.connections.map { "\($0.from) -> \($0.to)" })
        for (from, to) in [(id(.sns), id(.lambda)), (id(.sqs, "orders"), id(.lambda)), (id(.eventBridgeBus, "orders"), id(.eventBridgeRule)),
                           (id(.eventBridgeRule), id(.stepFunctions)), (id(.stepFunctions), id(.dynamodb)), (id(.stepFunctions), id(.sns)),
                           (id(.cloudwatchAlarm), id(.autoscalingGroup)), (id(.elbClassic), id(.autoscalingGroup))] {
            #expect(edges.contains("\(from) -> \(to)"), "\(from) -> \(to) in \(edges.sorted())")
        }
    }

    @Test("a state machine's definition names its service integrations' resources")
    func definition() {
        let named = AWSAccountReader.namedInDefinition(#"{"States": {"a": {"Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:1:function:f", "Payload.$": "$"}}, "b": {"Parameters": {"TableName": "orders", "QueueUrl": "https://sqs.us-east-1.amazonaws.com/1/q"}}}}"#)
        #expect(named == ["arn:aws:lambda:us-east-1:1:function:f", "https://sqs.us-east-1.amazonaws.com/1/q", "orders"])
    }

    @Test("lists that only matter when another has something are skipped when it is empty")
    func dependentLists() throws {
        let fake = try FakeCLI("""
            echo "$1 $2" >> "$DIR/calls.log"
            case "$1 $2" in
              "sts get-caller-identity") echo '{"Account": "111122223333"}' ;;
              "sns list-topics") echo '{"Topics": [{"TopicArn": "arn:aws:sns:us-east-1:111122223333:t"}]}' ;;
              *) echo '{}' ;;
            esac
            """)
        defer { fake.remove() }
        _ = try AWSAccountReader(cli: try fake.cli()).read()
        let calls = try String(contentsOf: fake.directory.appendingPathComponent("calls.log"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(calls.contains("sns list-subscriptions"), "a topic exists: its subscriptions are read")
        for skipped in ["elbv2 describe-target-groups", "servicediscovery list-services", "lambda list-event-source-mappings", "apigateway get-vpc-links",
                        "rds describe-db-subnet-groups", "application-autoscaling describe-scalable-targets"] {
            #expect(!calls.contains(skipped), "\(skipped) without anything it belongs to")
        }
        #expect(calls.count == Set(calls).count, "each call once: \(calls)")
    }
}
