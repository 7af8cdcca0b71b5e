import Foundation
import TopographModel

/// Delivery between the messaging kinds: a topic's subscriptions (its connections to queues
/// and functions), and a queue's access policy letting the topics and rules that deliver to
/// it send (without it, SNS and EventBridge deliver nothing to an SQS queue in AWS).
extension RunbookBuilder {
    /// Topics and rules that deliver to `queue`: connections into it and rules' `targets:`.
    func publishers(of queue: Resource, in stage: StageTopology) -> [Resource] {
        var found = stage.incoming(queue.id).compactMap { stage.resource($0.from) }.filter { $0.kind == .sns || $0.kind == .eventBridgeRule }
        for rule in stage.resources(ofKind: .eventBridgeRule) where rule.strings("targets").contains(queue.id) && !found.contains(where: { $0.id == rule.id }) {
            found.append(rule)
        }
        return found
    }

    struct PolicyStatement: Encodable {
        var Sid: String
        var Effect = "Allow"
        var Principal: [String: String]
        var Action = "sqs:SendMessage"
        var Resource: String
        var Condition: [String: [String: String]]
    }

    struct Policy: Encodable {
        var Version = "2012-10-17"
        var Statement: [PolicyStatement]
    }

    /// The queue's `Policy` attribute (JSON with `@ACCOUNT_ID@`/`@AWS_REGION@` placeholders),
    /// nil when nothing publishes to it.
    func queuePolicy(_ queue: Resource, in stage: StageTopology) -> (policy: String, publishers: [String])? {
        let publishers = publishers(of: queue, in: stage)
        guard !publishers.isEmpty else { return nil }
        let statements = publishers.map { publisher -> PolicyStatement in
            let isTopic = publisher.kind == .sns
            let bus = publisher.string("bus").flatMap { stage.resource($0) }?.name ?? "default"
            let source = isTopic ? "arn:aws:sns:@AWS_REGION@:@ACCOUNT_ID@:\(publisher.name)"
                : "arn:aws:events:@AWS_REGION@:@ACCOUNT_ID@:rule/\(bus == "default" ? "" : bus + "/")\(publisher.name)"
            return PolicyStatement(
                Sid: RunbookNames.valid(publisher.id, limit: 64), Principal: ["Service": isTopic ? "sns.amazonaws.com" : "events.amazonaws.com"],
                Resource: "arn:aws:sqs:@AWS_REGION@:@ACCOUNT_ID@:\(queue.name)", Condition: ["ArnEquals": ["aws:SourceArn": source]])
        }
        let text = (try? JSONOutput.compactText(Policy(Statement: statements))) ?? "{}"
        return (text, publishers.map(\.name))
    }

    /// Subscribe lines for the topic's queues and functions, each looked up first (a
    /// function's invoke permission is added with its subscription, once).
    func subscriptions(of topic: Resource, in stage: StageTopology) -> (lines: [String], declared: [String]) {
        let v = RunbookNames.variable(topic.id)
        let endpoints = stage.outgoing(topic.id).compactMap { stage.resource($0.to) }.filter { $0.kind == .sqs || $0.kind == .lambda }
        var lines: [String] = []
        for endpoint in endpoints {
            let e = RunbookNames.variable(endpoint.id)
            let isQueue = endpoint.kind == .sqs
            if !isQueue {
                lines.append("\(e)_FUNCTION_ARN=$(aws lambda get-function --function-name \(Self.q(endpoint.name)) --query Configuration.FunctionArn --output text)")
            }
            let arn = isQueue ? "$\(e)_ARN" : "$\(e)_FUNCTION_ARN"
            let sub = "\(v)_TO_\(e)"
            lines.append("\(sub)=$(aws sns list-subscriptions-by-topic --topic-arn \"$\(v)_ARN\" --query \"Subscriptions[?Endpoint=='\(arn)'] | [0].SubscriptionArn\" --output text)")
            lines.append("if [ \"$\(sub)\" = None ]; then")
            if !isQueue {
                let statement = Self.q(RunbookNames.valid("sns-\(topic.name)", limit: 100))
                lines.append("  aws lambda add-permission --function-name \(Self.q(endpoint.name)) --statement-id \(statement) --action lambda:InvokeFunction --principal sns.amazonaws.com --source-arn \"$\(v)_ARN\" --query Statement --output text")
            }
            lines.append("  \(sub)=$(aws sns subscribe --topic-arn \"$\(v)_ARN\" --protocol \(isQueue ? "sqs" : "lambda") --notification-endpoint \"\(arn)\" --return-subscription-arn --query SubscriptionArn --output text)")
            lines.append("fi")
            if isQueue, topic.bool("raw_delivery") == true {
                lines.append("aws sns set-subscription-attributes --subscription-arn \"$\(sub)\" --attribute-name RawMessageDelivery --attribute-value true")
            }
        }
        return (lines, endpoints.isEmpty ? [] : ["subscribed: \(endpoints.map(\.name).joined(separator: ", "))"])
    }
}
