import Foundation
import TopographModel

/// What the account says about queues, topics, state machines, pipes and schedules beyond
/// their lists: queue and topic attributes, a state machine's definition (the resources its
/// tasks call), logging and tracing.
extension AWSAccountReader {
    static let messagingCalls: [AWSCall] = [AWSCall("pipes", "list-pipes"), AWSCall("scheduler", "list-schedules")]

    /// Second round: one call per queue, topic and state machine (no AWS API describes several).
    func messagingDetailCalls(_ fetched: Fetched) -> [AWSCall] {
        let queues = fetched[AWSCall("sqs", "list-queues")]?["QueueUrls"].strings ?? []
        let topics = (fetched[AWSCall("sns", "list-topics")]?["Topics"].array ?? []).compactMap { $0["TopicArn"].string }
        let machines = (fetched[AWSCall("stepfunctions", "list-state-machines")]?["stateMachines"].array ?? []).compactMap { $0["stateMachineArn"].string }
        return queues.sorted().map { AWSCall("sqs", "get-queue-attributes", ["--attribute-names", "All", "--queue-url", $0]) }
            + topics.sorted().map { AWSCall("sns", "get-topic-attributes", ["--topic-arn", $0]) }
            + machines.sorted().map { AWSCall("stepfunctions", "describe-state-machine", ["--state-machine-arn", $0]) }
    }

    func readMessagingDetails(_ fetched: Fetched) {
        let b = builder
        for (call, answer) in fetched {
            switch (call.service, call.operation) {
            case ("sqs", "get-queue-attributes"):
                let attributes = answer["Attributes"]
                guard let arn = attributes["QueueArn"].string else { continue }
                b.amend(arn) { properties in
                    for key in ["VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds"] {
                        if let value = attributes[key].int { properties[key] = .number(Double(value)) }
                    }
                    if let fifo = attributes["FifoQueue"].bool { properties["FifoQueue"] = .bool(fifo) }
                    if let key = attributes["KmsMasterKeyId"].string { properties["KmsMasterKeyId"] = b.ref(key) }
                    // The redrive policy is JSON inside a string.
                    let redrive = attributes["RedrivePolicy"].string.flatMap { try? AWSJSON(data: Data($0.utf8)) } ?? .null
                    if let target = redrive["deadLetterTargetArn"].string {
                        var entries = [IaCEntry(key: "deadLetterTargetArn", value: b.id(target))]
                        if let count = redrive["maxReceiveCount"].int { entries.append(IaCEntry(key: "maxReceiveCount", value: .number(Double(count)))) }
                        properties["RedrivePolicy"] = .map(entries)
                    }
                }
            case ("sns", "get-topic-attributes"):
                let attributes = answer["Attributes"]
                guard let arn = attributes["TopicArn"].string else { continue }
                b.amend(arn) { properties in
                    if let key = attributes["KmsMasterKeyId"].string, !key.isEmpty { properties["KmsMasterKeyId"] = b.ref(key) }
                    if let fifo = attributes["FifoTopic"].bool { properties["FifoTopic"] = .bool(fifo) }
                }
            case ("stepfunctions", "describe-state-machine"):
                guard let arn = answer["stateMachineArn"].string else { continue }
                b.amend(arn) { properties in
                    if let level = answer["loggingConfiguration"]["level"].string { properties["LoggingConfiguration"] = .map([IaCEntry(key: "Level", value: .string(level))]) }
                    if let tracing = answer["tracingConfiguration"]["enabled"].bool { properties["TracingConfiguration"] = .map([IaCEntry(key: "Enabled", value: .bool(tracing))]) }
                    if let definition = answer["definition"].string {
                        properties["DefinitionString"] = .text(definition, references: Self.namedInDefinition(definition).map { IaCReference(key: $0) })
                    }
                }
            default: break
            }
        }
    }

    /// What a state machine's definition names: every ARN in it, and the tables, queues and
    /// topics its service integrations pass by name or URL.
    static func namedInDefinition(_ definition: String) -> [String] {
        var found: [String] = []
        func walk(_ value: AWSJSON, key: String?) {
            switch value {
            case .string(let text):
                if text.hasPrefix("arn:") || text.hasPrefix("https://sqs.") || ["TableName", "QueueUrl", "TopicArn", "FunctionName"].contains(key ?? "") {
                    found.append(text.hasPrefix("arn:aws:states:::") ? "" : text)
                }
            case .array(let items): items.forEach { walk($0, key: key) }
            case .object(let object): object.sorted { $0.key < $1.key }.forEach { walk($0.value, key: $0.key.hasSuffix(".$") ? nil : $0.key) }
            default: break
            }
        }
        walk((try? AWSJSON(data: Data(definition.utf8))) ?? .null, key: nil)
        var seen: Set<String> = []
        return found.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Pipes (source -> pipe -> target) and EventBridge Scheduler schedules (first round).
    func readPipesAndSchedules(_ fetched: Fetched) {
        let b = builder
        for pipe in fetched[AWSCall("pipes", "list-pipes")]?["Pipes"].array ?? [] {
            guard let arn = pipe["Arn"].string, let name = pipe["Name"].string else { continue }
            var properties: [String: IaCValue] = ["Name": .string(name), "Source": b.text(pipe["Source"].string) ?? .null, "Target": b.text(pipe["Target"].string) ?? .null]
            if let enrichment = b.text(pipe["Enrichment"].string) { properties["Enrichment"] = enrichment }
            b.add(arn, "AWS::Pipes::Pipe", properties, name: name, identifiers: [name])
        }
        for schedule in fetched[AWSCall("scheduler", "list-schedules")]?["Schedules"].array ?? [] {
            guard let arn = schedule["Arn"].string, let name = schedule["Name"].string else { continue }
            var properties: [String: IaCValue] = ["Name": .string(name), "GroupName": .string(schedule["GroupName"].string ?? "default")]
            if let target = b.text(schedule["Target"]["Arn"].string) { properties["Target"] = .map([IaCEntry(key: "Arn", value: target)]) }
            b.add(arn, "AWS::Scheduler::Schedule", properties, name: name, identifiers: [name])
        }
    }
}
