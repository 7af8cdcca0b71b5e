import Foundation
import TopographModel

extension RunbookBuilder {
    func serviceChecks(in stage: StageTopology, region: String) -> ServiceChecksContext {
        let queues = stage.resources(ofKind: .sqs).filter(includes)
        let deadLetterQueues = Set(queues.compactMap { $0.string("dlq") })
        return ServiceChecksContext(
            // A dead-letter queue is checked with the queue it serves.
            queues: queues.filter { !deadLetterQueues.contains($0.id) }.map { queue in
                let dlq = queue.string("dlq").flatMap { stage.resource($0) }
                return QueueCheckContext(
                    label: ProseText(queue.id), name: ShellWord(queue.name), variable: RunbookNames.variable(queue.id),
                    hasDeadLetterQueue: dlq != nil, deadLetterName: ShellWord(dlq?.name ?? ""),
                    deadLetterVariable: dlq.map { RunbookNames.variable($0.id) } ?? "")
            },
            topics: stage.resources(ofKind: .sns).filter(includes).map { topic in
                TopicCheckContext(
                    label: ProseText(topic.id), name: ShellWord(topic.name), variable: RunbookNames.variable(topic.id),
                    lookupQuery: ShellWord("Topics[?ends_with(TopicArn, ':\(topic.name)')].TopicArn | [0]"),
                    subscriptions: stage.outgoing(topic.id).count)
            },
            rules: stage.resources(ofKind: .eventBridgeRule).filter(includes).map { rule in
                let bus = rule.string("bus").flatMap { stage.resource($0) }?.name ?? "default"
                return RuleCheckContext(
                    label: ProseText(rule.id), name: ShellWord(rule.name), bus: ShellWord(bus),
                    isScheduled: rule.string("schedule") != nil,
                    testEntries: ShellWord(Self.testEvent(pattern: rule.string("pattern"), bus: bus)))
            },
            stateMachines: stage.resources(ofKind: .stepFunctions).filter(includes).map { machine in
                StateMachineCheckContext(
                    label: ProseText(machine.id), name: ShellWord(machine.name), variable: RunbookNames.variable(machine.id),
                    lookupQuery: ShellWord("stateMachines[?name=='\(machine.name)'].stateMachineArn | [0]"),
                    isExpress: machine.string("type") == "EXPRESS")
            },
            kubernetesClusters: stage.resources(ofKind: .eksCluster).filter(includes).map { cluster in
                let groups = stage.resources(ofKind: .eksNodegroup).filter {
                    $0.string("cluster") == cluster.id || ($0.string("cluster") == nil && stage.isInside($0.id, cluster.id))
                }
                return KubernetesCheckContext(
                    label: ProseText(cluster.id), name: ShellWord(cluster.name), region: ShellWord(region),
                    nodegroups: groups.map { ShellWord($0.name) })
            },
            fileSystems: stage.resources(ofKind: .efs).filter(includes).map { fileSystem in
                FileSystemCheckContext(
                    label: ProseText(fileSystem.id), variable: RunbookNames.variable(fileSystem.id),
                    lookupQuery: ShellWord("FileSystems[?Name=='\(fileSystem.name)'].FileSystemId | [0]"),
                    zones: ProseText(stage.availabilityZones(of: fileSystem).sorted().joined(separator: ", ")))
            },
            alarms: stage.resources(ofKind: .cloudwatchAlarm).filter(includes).map { alarm in
                AlarmCheckContext(label: ProseText(alarm.id), name: ShellWord(alarm.name))
            })
    }

    /// A `put-events` entry the rule's pattern matches, from the pattern's first `source`
    /// and `detail-type` (the pattern is written in short, `source: [orders]`), encoded by
    /// Foundation's JSON encoder.
    static func testEvent(pattern: String?, bus: String) -> String {
        func first(_ key: String) -> String? {
            guard let pattern, let range = pattern.range(of: "\(key):\\s*\\[\\s*\"?([^,\\]\"]+)", options: .regularExpression) else { return nil }
            let match = String(pattern[range])
            return match.split(separator: "[", maxSplits: 1).last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
        }
        struct Entry: Encodable {
            var Source: String
            var DetailType: String
            var Detail: String
            var EventBusName: String
        }
        let entry = Entry(
            Source: first("source") ?? "topograph.runbook", DetailType: first("detail-type") ?? "RunbookCheck",
            Detail: "{\"runbookCheck\":true}", EventBusName: bus)
        return (try? JSONOutput.compactText([entry])) ?? "[]"
    }
}
