import TopographModel

/// Operator checks for the messaging, event, container and storage kinds: queue depth and
/// dead-letter redrive, topic subscriptions, rule targets and a test event, a state machine
/// execution and its history, EKS nodes, EFS mount targets per zone, alarm states. Each
/// reads what the stage declares; none creates anything.
package struct ServiceChecksContext: RunbookSectionContext {
    package var queues: [QueueCheckContext]
    package var topics: [TopicCheckContext]
    package var rules: [RuleCheckContext]
    package var stateMachines: [StateMachineCheckContext]
    package var kubernetesClusters: [KubernetesCheckContext]
    package var fileSystems: [FileSystemCheckContext]
    package var alarms: [AlarmCheckContext]
    /// Whether any of the lists has an entry (the section is left out otherwise).
    package var hasChecks: Bool

    package init(
        queues: [QueueCheckContext], topics: [TopicCheckContext], rules: [RuleCheckContext], stateMachines: [StateMachineCheckContext],
        kubernetesClusters: [KubernetesCheckContext], fileSystems: [FileSystemCheckContext], alarms: [AlarmCheckContext]
    ) {
        self.queues = queues
        self.topics = topics
        self.rules = rules
        self.stateMachines = stateMachines
        self.kubernetesClusters = kubernetesClusters
        self.fileSystems = fileSystems
        self.alarms = alarms
        hasChecks = !(queues.isEmpty && topics.isEmpty && rules.isEmpty && stateMachines.isEmpty && kubernetesClusters.isEmpty
            && fileSystems.isEmpty && alarms.isEmpty)
    }

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "queues": "SQS queues: depth, redrive policy, dead-letter depth and redrive",
        "topics": "SNS topics: subscriptions and how many wait for confirmation",
        "rules": "EventBridge rules: state, targets with their dead-letter queues, a test event",
        "stateMachines": "Step Functions state machines: a test execution and its history",
        "kubernetesClusters": "EKS clusters: status, node groups, kubeconfig and node readiness",
        "fileSystems": "EFS file systems: mount targets per zone",
        "alarms": "CloudWatch alarms: state and reason",
        "hasChecks": "whether any list above has an entry",
    ]
}

package struct QueueCheckContext: RunbookSectionContext {
    package var label: ProseText
    package var name: ShellWord
    package var variable: String
    package var hasDeadLetterQueue: Bool
    package var deadLetterName: ShellWord
    package var deadLetterVariable: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "label": "the queue's id", "name": "the queue name", "variable": "prefix of the queue's shell variables",
        "hasDeadLetterQueue": "whether the queue names a `dlq`", "deadLetterName": "the dead-letter queue's name",
        "deadLetterVariable": "prefix of the dead-letter queue's shell variables",
    ]
}

package struct TopicCheckContext: RunbookSectionContext {
    package var label: ProseText
    package var name: ShellWord
    package var variable: String
    /// JMESPath that finds the topic's ARN by name, as one shell word.
    package var lookupQuery: ShellWord
    package var subscriptions: Int

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "label": "the topic's id", "name": "the topic name", "variable": "prefix of the topic's shell variables",
        "lookupQuery": "the `list-topics` query that finds its ARN", "subscriptions": "how many subscriptions the stage draws",
    ]
}

package struct RuleCheckContext: RunbookSectionContext {
    package var label: ProseText
    package var name: ShellWord
    package var bus: ShellWord
    package var isScheduled: Bool
    /// `put-events` entries (JSON) matching the rule's pattern, as one shell word.
    package var testEntries: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "label": "the rule's id", "name": "the rule name", "bus": "its event bus (`default` when none)",
        "isScheduled": "whether it runs on a schedule (no test event then)",
        "testEntries": "a `put-events` entry built from the pattern's source and detail-type",
    ]
}

package struct StateMachineCheckContext: RunbookSectionContext {
    package var label: ProseText
    package var name: ShellWord
    package var variable: String
    package var lookupQuery: ShellWord
    package var isExpress: Bool

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "label": "the state machine's id", "name": "its name", "variable": "prefix of its shell variables",
        "lookupQuery": "the `list-state-machines` query that finds its ARN",
        "isExpress": "Express workflows have no execution history: run synchronously instead",
    ]
}

package struct KubernetesCheckContext: RunbookSectionContext {
    package var label: ProseText
    package var name: ShellWord
    package var region: ShellWord
    package var nodegroups: [ShellWord]

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "label": "the cluster's id", "name": "the cluster name", "region": "the region for update-kubeconfig",
        "nodegroups": "names of its managed node groups",
    ]
}

package struct FileSystemCheckContext: RunbookSectionContext {
    package var label: ProseText
    package var variable: String
    package var lookupQuery: ShellWord
    /// The zones it must have a mount target in, for the prose.
    package var zones: ProseText

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "label": "the file system's id", "variable": "prefix of its shell variables",
        "lookupQuery": "the `describe-file-systems` query that finds it by name", "zones": "zones that need a mount target",
    ]
}

package struct AlarmCheckContext: RunbookSectionContext {
    package var label: ProseText
    package var name: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "label": "the alarm's id", "name": "the alarm name",
    ]
}
