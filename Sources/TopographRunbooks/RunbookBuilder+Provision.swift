import Foundation
import TopographModel

/// Keys, queues, topics, streams, event buses and rules, secrets, file systems and alarms:
/// what a stage declares of these kinds the runbook creates, each found first by its declared
/// name (an alias for a key, a creation token for a file system) and given its declared
/// attributes by calls that change nothing on a rerun. Order follows what refers to what:
/// keys, dead-letter queues, queues, topics, streams, buses, rules, secrets, file systems,
/// alarms (whose actions name topics).
extension RunbookBuilder {
    func provisioned(in stage: StageTopology) -> [ProvisionContext] {
        let deadLetterIDs = Set(stage.resources.compactMap { $0.string("dlq") })
        let queues = stage.resources(ofKind: .sqs).sorted { deadLetterIDs.contains($0.id) && !deadLetterIDs.contains($1.id) }
        let ordered: [Resource] = stage.resources(ofKind: .kmsKey) + queues + stage.resources(ofKind: .sns)
            + stage.resources(ofKind: .kinesisStream) + stage.resources(ofKind: .eventBridgeBus) + stage.resources(ofKind: .eventBridgeRule)
            + stage.resources(ofKind: .secretsManager) + stage.resources(ofKind: .efs) + stage.resources(ofKind: .cloudwatchAlarm)
        return ordered.filter(includes).compactMap { resource in
            let built: (lines: [String], declared: [String])?
            switch resource.kind {
            case .kmsKey: built = key(resource)
            case .sqs: built = queue(resource, in: stage)
            case .sns: built = topic(resource, in: stage)
            case .kinesisStream: built = stream(resource, in: stage)
            case .eventBridgeBus: built = bus(resource)
            case .eventBridgeRule: built = rule(resource, in: stage)
            case .secretsManager: built = secret(resource, in: stage)
            case .efs: built = fileSystem(resource, in: stage)
            case .cloudwatchAlarm: built = alarm(resource, in: stage)
            default: built = nil
            }
            guard let built else { return nil }
            let secretFile = resource.kind == .secretsManager
            return ProvisionContext(
                kindTitle: resource.kind.spec?.title ?? resource.kind.rawValue, label: ProseText(resource.id),
                name: ShellWord(Self.provisionName(resource)), blockName: "create-\(RunbookBuilder.blockPrefix(resource.id).dropLast())",
                declared: ProseText(built.declared.joined(separator: ", ")), commands: built.lines.joined(separator: "\n"),
                operatorBlock: secretFile ? secretValueCommands(resource) : "", hasOperatorBlock: secretFile,
                operatorBlockName: "put-secret-value-\(RunbookBuilder.blockPrefix(resource.id).dropLast())")
        }
    }

    /// The name a look-up finds the resource by: a key's alias, else the AWS name.
    static func provisionName(_ resource: Resource) -> String {
        resource.kind == .kmsKey ? keyAlias(resource) : resource.name
    }

    static func keyAlias(_ key: Resource) -> String {
        key.string("alias") ?? "alias/\(key.name)"
    }

    /// What a `kms_key:` reference is given to AWS as: the key's alias.
    func keyReference(_ resource: Resource, in stage: StageTopology) -> String? {
        resource.string("kms_key").flatMap { stage.resource($0) }.map(Self.keyAlias)
    }

    static func q(_ value: String) -> String { ShellQuote.word(value) }

    /// `VAR=$(command)` that prints `None` when absent, then `if absent: VAR=$(create)`.
    static func findOrCreate(_ variable: String, find: String, create: [String]) -> [String] {
        ["\(variable)=$(\(find))", "if [ \"$\(variable)\" = None ]; then"] + create.map { "  " + $0 } + ["fi"]
    }

    /// JSON with `@VAR@` placeholders, then the lines that put each variable's value in.
    static func json<T: Encodable>(_ value: T, into variable: String, placeholders: [String]) -> [String] {
        let text = (try? JSONOutput.compactText(value)) ?? "{}"
        return ["\(variable)=\(q(text))"] + placeholders.filter { text.contains("@\($0)@") }.map { "\(variable)=${\(variable)//@\($0)@/\"$\($0)\"}" }
    }

    func key(_ key: Resource) -> (lines: [String], declared: [String]) {
        let v = RunbookNames.variable(key.id) + "_KEY"
        let alias = Self.keyAlias(key)
        var create = ["\(v)=$(aws kms create-key --description \(Self.q("\(key.id) (Topograph runbook)")) --key-usage \(Self.q(key.string("usage") ?? "ENCRYPT_DECRYPT"))"
            + (key.bool("multi_region") == true ? " --multi-region" : "") + " --query KeyMetadata.KeyId --output text)"]
        create.append("aws kms create-alias --alias-name \(Self.q(alias)) --target-key-id \"$\(v)\"")
        var lines = Self.findOrCreate(v, find: "aws kms list-aliases --query \(RunbookNames.lookup("Aliases", "AliasName", alias, select: "TargetKeyId").renderText) --output text", create: create)
        var declared = ["alias \(alias)"]
        if key.bool("rotation") == true {
            lines.append("aws kms enable-key-rotation --key-id \"$\(v)\"")
            declared.append("yearly rotation")
        }
        return (lines, declared)
    }

    func queue(_ queue: Resource, in stage: StageTopology) -> (lines: [String], declared: [String]) {
        let v = RunbookNames.variable(queue.id)
        let fifo = queue.bool("fifo") == true || queue.name.hasSuffix(".fifo")
        var attributes: [String: String] = [:]
        var declared: [String] = fifo ? ["FIFO"] : []
        if let seconds = queue.int("visibility_timeout") { attributes["VisibilityTimeout"] = String(seconds); declared.append("visibility timeout \(seconds) s") }
        if let seconds = queue.int("retention") { attributes["MessageRetentionPeriod"] = String(seconds); declared.append("retention \(seconds) s") }
        if let seconds = queue.int("delay") { attributes["DelaySeconds"] = String(seconds); declared.append("delay \(seconds) s") }
        var placeholders: [String] = []
        if let dlq = queue.string("dlq").flatMap({ stage.resource($0) }), dlq.kind == .sqs {
            let arn = RunbookNames.variable(dlq.id) + "_ARN"
            let count = queue.int("max_receive_count") ?? 5
            let policy = "{\"deadLetterTargetArn\":\"@\(arn)@\",\"maxReceiveCount\":\"\(count)\"}"
            attributes["RedrivePolicy"] = policy
            placeholders.append(arn)
            declared.append("dead-letter queue \(dlq.name) after \(count) receives")
        }
        if let (policy, publishers) = queuePolicy(queue, in: stage) {
            attributes["Policy"] = policy
            placeholders += ["AWS_REGION", "ACCOUNT_ID"]
            declared.append("\(publishers.joined(separator: ", ")) may send to it")
        }
        if let alias = keyReference(queue, in: stage) {
            attributes["KmsMasterKeyId"] = alias
            declared.append("encrypted with \(alias)")
        } else if let encrypted = queue.bool("encrypted") {
            attributes["SqsManagedSseEnabled"] = encrypted ? "true" : "false"
            declared.append(encrypted ? "SSE-SQS" : "unencrypted")
        }
        let find = "aws sqs list-queues --queue-name-prefix \(Self.q(queue.name)) --query \(Self.q("QueueUrls[?ends_with(@, \(RunbookNames.literal("/" + queue.name)))] | [0]")) --output text"
        var lines = Self.findOrCreate("\(v)_URL", find: find, create: [
            "\(v)_URL=$(aws sqs create-queue --queue-name \(Self.q(queue.name))\(fifo ? " --attributes FifoQueue=true" : "") --query QueueUrl --output text)",
        ])
        if !attributes.isEmpty {
            lines += Self.json(attributes, into: "\(v)_ATTRIBUTES", placeholders: placeholders)
            lines.append("aws sqs set-queue-attributes --queue-url \"$\(v)_URL\" --attributes \"$\(v)_ATTRIBUTES\"")
        }
        lines.append("\(v)_ARN=$(aws sqs get-queue-attributes --queue-url \"$\(v)_URL\" --attribute-names QueueArn --query Attributes.QueueArn --output text)")
        return (lines, declared)
    }

    func topic(_ topic: Resource, in stage: StageTopology) -> (lines: [String], declared: [String]) {
        let v = RunbookNames.variable(topic.id)
        let fifo = topic.bool("fifo") == true
        var lines = Self.findOrCreate("\(v)_ARN", find: "aws sns list-topics --query \(Self.q("Topics[?ends_with(TopicArn, \(RunbookNames.literal(":" + topic.name)))].TopicArn | [0]")) --output text", create: [
            "\(v)_ARN=$(aws sns create-topic --name \(Self.q(topic.name))\(fifo ? " --attributes FifoTopic=true" : "") --query TopicArn --output text)",
        ])
        var declared: [String] = fifo ? ["FIFO"] : []
        let key = keyReference(topic, in: stage) ?? (topic.bool("encrypted") == true ? "alias/aws/sns" : nil)
        if let key {
            lines.append("aws sns set-topic-attributes --topic-arn \"$\(v)_ARN\" --attribute-name KmsMasterKeyId --attribute-value \(Self.q(key))")
            declared.append("encrypted with \(key)")
        }
        let subscribed = subscriptions(of: topic, in: stage)
        return (lines + subscribed.lines, declared + subscribed.declared)
    }

    func stream(_ stream: Resource, in stage: StageTopology) -> (lines: [String], declared: [String]) {
        let v = RunbookNames.variable(stream.id)
        let name = Self.q(stream.name)
        let onDemand = stream.string("mode") == "on-demand" || (stream.string("mode") == nil && stream.int("shards") == nil)
        let capacity = onDemand ? "--stream-mode-details StreamMode=ON_DEMAND" : "--shard-count \(stream.int("shards") ?? 1)"
        var lines = Self.findOrCreate("\(v)_STREAM", find: "aws kinesis list-streams --query \(Self.q("StreamNames[?@==\(RunbookNames.literal(stream.name))] | [0]")) --output text", create: [
            "aws kinesis create-stream --stream-name \(name) \(capacity)",
            "aws kinesis wait stream-exists --stream-name \(name)",
        ])
        var declared = [onDemand ? "on-demand" : "\(stream.int("shards") ?? 1) shards"]
        if let hours = stream.int("retention_hours") {
            lines += [
                "\(v)_RETENTION=$(aws kinesis describe-stream-summary --stream-name \(name) --query StreamDescriptionSummary.RetentionPeriodHours --output text)",
                "if [ \"$\(v)_RETENTION\" -lt \(hours) ]; then",
                "  aws kinesis increase-stream-retention-period --stream-name \(name) --retention-period-hours \(hours)",
                "elif [ \"$\(v)_RETENTION\" -gt \(hours) ]; then",
                "  aws kinesis decrease-stream-retention-period --stream-name \(name) --retention-period-hours \(hours)",
                "fi",
            ]
            declared.append("retention \(hours) h")
        }
        let key = keyReference(stream, in: stage) ?? (stream.bool("encrypted") == true ? "alias/aws/kinesis" : nil)
        if let key {
            lines += [
                "\(v)_ENCRYPTION=$(aws kinesis describe-stream-summary --stream-name \(name) --query StreamDescriptionSummary.EncryptionType --output text)",
                "[ \"$\(v)_ENCRYPTION\" = KMS ] || aws kinesis start-stream-encryption --stream-name \(name) --encryption-type KMS --key-id \(Self.q(key))",
            ]
            declared.append("encrypted with \(key)")
        }
        return (lines, declared)
    }

    func bus(_ bus: Resource) -> (lines: [String], declared: [String])? {
        guard bus.name != "default" else { return nil }
        let v = RunbookNames.variable(bus.id)
        var lines = Self.findOrCreate("\(v)_ARN", find: "aws events list-event-buses --name-prefix \(Self.q(bus.name)) --query \(RunbookNames.lookup("EventBuses", "Name", bus.name, select: "Arn").renderText) --output text", create: [
            "\(v)_ARN=$(aws events create-event-bus --name \(Self.q(bus.name)) --query EventBusArn --output text)",
        ])
        var declared: [String] = []
        if let days = bus.int("archive_days") {
            let archive = RunbookNames.valid("\(bus.name)-archive", limit: 48)
            lines += [
                "\(v)_ARCHIVE=$(aws events list-archives --event-source-arn \"$\(v)_ARN\" --query \(RunbookNames.lookup("Archives", "ArchiveName", archive, select: "ArchiveName").renderText) --output text)",
                "[ \"$\(v)_ARCHIVE\" != None ] || aws events create-archive --archive-name \(Self.q(archive)) --event-source-arn \"$\(v)_ARN\" --retention-days \(days) --query State --output text",
            ]
            declared.append("archive \(archive) kept \(days == 0 ? "forever" : "\(days) days")")
        }
        return (lines, declared)
    }
}
