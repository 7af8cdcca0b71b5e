import Foundation
import TopographModel

/// What is provisioned after what it refers to: EventBridge rules, secrets, EFS file systems
/// and CloudWatch alarms (see `RunbookBuilder+Provision` for the order and the conventions).
extension RunbookBuilder {
    /// `source: [orders], detail-type: [OrderPlaced]` (the format's short pattern) as the JSON
    /// EventBridge takes; a pattern already written as JSON is kept.
    static func eventPattern(_ pattern: String) -> String {
        let trimmed = pattern.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") { return trimmed }
        var fields: [String: [String]] = [:]
        let regex = try? NSRegularExpression(pattern: "([A-Za-z0-9_.-]+)\\s*:\\s*\\[([^\\]]*)\\]")
        let range = NSRange(trimmed.startIndex..., in: trimmed)
        for match in regex?.matches(in: trimmed, range: range) ?? [] {
            guard let key = Range(match.range(at: 1), in: trimmed), let values = Range(match.range(at: 2), in: trimmed) else { continue }
            fields[String(trimmed[key])] = trimmed[values].split(separator: ",").map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            }.filter { !$0.isEmpty }
        }
        return (try? JSONOutput.compactText(fields)) ?? "{}"
    }

    struct EventTarget: Encodable {
        var Id: String
        var Arn: String
        var DeadLetterConfig: [String: String]?
        var RetryPolicy: [String: Int]?
    }

    func rule(_ rule: Resource, in stage: StageTopology) -> (lines: [String], declared: [String]) {
        let busName = rule.string("bus").flatMap { stage.resource($0) }?.name ?? "default"
        var put = "aws events put-rule --name \(Self.q(rule.name)) --event-bus-name \(Self.q(busName))"
        var declared = ["on bus \(busName)"]
        if let schedule = rule.string("schedule") {
            put += " --schedule-expression \(Self.q(schedule))"
            declared.append("schedule \(schedule)")
        } else {
            let pattern = Self.eventPattern(rule.string("pattern") ?? "source: [\(rule.name)]")
            put += " --event-pattern \(Self.q(pattern))"
            declared.append(rule.string("pattern") == nil ? "a pattern on its own name as source" : "its pattern")
        }
        if rule.bool("enabled") == false { put += " --state DISABLED" }
        var lines = [put + " --query RuleArn --output text"]
        // Targets that take no role of their own (queues, topics); a target that needs one
        // (a state machine, a stream) is added by the deployment that owns that role.
        let targets = targets(of: rule, in: stage, kinds: [.sqs, .sns])
        let dlq = rule.string("dlq").flatMap { stage.resource($0) }.flatMap { $0.kind == .sqs ? $0 : nil }
        let roleTargets = self.targets(of: rule, in: stage, kinds: [.stepFunctions, .kinesisStream, .ecsService, .lambda])
        if !roleTargets.isEmpty {
            declared.append("targets \(roleTargets.map(\.name).joined(separator: ", ")) added by the deployment that owns the role (or permission) they take")
        }
        if !targets.isEmpty {
            var placeholders: [String] = []
            let entries = targets.map { target -> EventTarget in
                let arn = RunbookNames.variable(target.id) + "_ARN"
                placeholders.append(arn)
                var entry = EventTarget(Id: RunbookNames.valid(target.id, limit: 64), Arn: "@\(arn)@")
                if let dlq {
                    let dlqArn = RunbookNames.variable(dlq.id) + "_ARN"
                    placeholders.append(dlqArn)
                    entry.DeadLetterConfig = ["Arn": "@\(dlqArn)@"]
                }
                if let attempts = rule.int("retry_attempts") { entry.RetryPolicy = ["MaximumRetryAttempts": attempts] }
                return entry
            }
            let v = RunbookNames.variable(rule.id) + "_TARGETS"
            lines += Self.json(entries, into: v, placeholders: placeholders)
            lines.append("aws events put-targets --rule \(Self.q(rule.name)) --event-bus-name \(Self.q(busName)) --targets \"$\(v)\" --query FailedEntryCount --output text")
            declared.append("targets \(targets.map(\.name).joined(separator: ", "))")
        }
        return (lines, declared)
    }

    func secret(_ secret: Resource, in stage: StageTopology) -> (lines: [String], declared: [String]) {
        let v = RunbookNames.variable(secret.id)
        let key = keyReference(secret, in: stage)
        let find = "aws secretsmanager list-secrets --filters Key=name,Values=\(Self.q(secret.name)) --query \(RunbookNames.lookup("SecretList", "Name", secret.name, select: "ARN").renderText) --output text"
        // Created without a value: the value is the operator's, put from a file below.
        let create = "\(v)_ARN=$(aws secretsmanager create-secret --name \(Self.q(secret.name)) --description \(Self.q("\(secret.id) (Topograph runbook)"))"
            + (key.map { " --kms-key-id \(Self.q($0))" } ?? "") + " --query ARN --output text)"
        return (Self.findOrCreate("\(v)_ARN", find: find, create: [create]), key.map { ["encrypted with \($0)"] } ?? [])
    }

    /// The secret's value, from a file the operator names: never on a command line, in the
    /// shell history or in this runbook.
    func secretValueCommands(_ secret: Resource) -> String {
        [
            ": \"${SECRET_FILE:=}\"   # the operator's input: a file holding the value",
            ": \"${SECRET_FILE:?set SECRET_FILE to the path of a file holding the value of \(secret.name) (the value never goes on a command line)}\"",
            "aws secretsmanager put-secret-value --secret-id \"$\(RunbookNames.variable(secret.id))_ARN\" --secret-string \"file://$SECRET_FILE\" --query VersionId --output text",
        ].joined(separator: "\n")
    }

    func fileSystem(_ fileSystem: Resource, in stage: StageTopology) -> (lines: [String], declared: [String]) {
        let v = RunbookNames.variable(fileSystem.id) + "_ID"
        let token = Self.q(fileSystem.name)
        var create = "\(v)=$(aws efs create-file-system --creation-token \(token)"
        var declared: [String] = []
        if fileSystem.bool("encrypted") == true || fileSystem.string("kms_key") != nil {
            create += " --encrypted"
            declared.append("encrypted")
            if let key = keyReference(fileSystem, in: stage) { create += " --kms-key-id \(Self.q(key))"; declared.append("with \(key)") }
        }
        if let mode = fileSystem.string("performance_mode") { create += " --performance-mode \(Self.q(mode))"; declared.append(mode) }
        if let mode = fileSystem.string("throughput_mode") { create += " --throughput-mode \(Self.q(mode))"; declared.append("\(mode) throughput") }
        if fileSystem.bool("backup") == true { create += " --backup"; declared.append("automatic backups") }
        let tags = "[{\"Key\":\"Name\",\"Value\":\(RunbookNames.literal(fileSystem.name).dropFirst().dropLast())}]"
        create += " --tags \(Self.q(tags)) --query FileSystemId --output text)"
        var lines = Self.findOrCreate(v, find: "aws efs describe-file-systems --creation-token \(token) --query 'FileSystems[0].FileSystemId' --output text", create: [create])
        // Mount targets need the file system `available` (seconds after the create).
        lines += [
            "for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do",
            "  [ \"$(aws efs describe-file-systems --file-system-id \"$\(v)\" --query 'FileSystems[0].LifeCycleState' --output text)\" = available ] && break",
            "  sleep 5",
            "done",
        ]
        if stage.resources(ofKind: .vpc).first != nil {
            let subnets = subnets(of: fileSystem, in: stage)
            if !subnets.isEmpty {
                lines += [
                    "for SUBNET in \(RunbookNames.subnetWords(subnets)); do",
                    "  \(v)_TARGETS=$(aws efs describe-mount-targets --file-system-id \"$\(v)\" --query \"length(MountTargets[?SubnetId=='$SUBNET'])\" --output text)",
                    "  [ \"$\(v)_TARGETS\" != 0 ] || aws efs create-mount-target --file-system-id \"$\(v)\" --subnet-id \"$SUBNET\" --query MountTargetId --output text",
                    "done",
                ]
                declared.append("a mount target in each of \(subnets.joined(separator: ", "))")
            }
        }
        return (lines, declared)
    }

    /// The dimension that names what an alarm watches, by the watched kind.
    static func alarmDimension(_ watched: Resource) -> String? {
        switch watched.kind {
        case .sqs: return "Name=QueueName,Value=\(watched.name)"
        case .autoscalingGroup: return "Name=AutoScalingGroupName,Value=\(watched.name)"
        case .lambda: return "Name=FunctionName,Value=\(watched.name)"
        case .kinesisStream: return "Name=StreamName,Value=\(watched.name)"
        case .dynamodb: return "Name=TableName,Value=\(watched.name)"
        case .rds: return "Name=DBInstanceIdentifier,Value=\(watched.name)"
        case .sns: return "Name=TopicName,Value=\(watched.name)"
        default: return nil
        }
    }

    /// An alarm the topology describes fully (metric, namespace, threshold, comparison) is
    /// put (`put-metric-alarm` creates or updates); one that does not is left to the
    /// prerequisites.
    func alarm(_ alarm: Resource, in stage: StageTopology) -> (lines: [String], declared: [String])? {
        guard let metric = alarm.string("metric"), let namespace = alarm.string("metric_namespace"),
              let threshold = alarm["threshold"]?.scalarText, let comparison = alarm.string("comparison") else { return nil }
        var put = "aws cloudwatch put-metric-alarm --alarm-name \(Self.q(alarm.name)) --namespace \(Self.q(namespace)) --metric-name \(Self.q(metric))"
            + " --statistic \(Self.q(alarm.string("statistic") ?? "Average")) --period \(alarm.int("period") ?? 60)"
            + " --evaluation-periods \(alarm.int("evaluation_periods") ?? 1) --threshold \(Self.q(threshold)) --comparison-operator \(Self.q(comparison))"
        var declared = ["\(namespace) \(metric) \(comparison) \(threshold)"]
        if let watched = alarm.string("watches").flatMap({ stage.resource($0) }), let dimension = Self.alarmDimension(watched) {
            put += " --dimensions \(Self.q(dimension))"
            declared.append("on \(watched.name)")
        }
        if let missing = alarm.string("missing_data") { put += " --treat-missing-data \(Self.q(missing))" }
        var actionIDs = alarm.strings("actions")
        for edge in stage.outgoing(alarm.id) where !actionIDs.contains(edge.to) { actionIDs.append(edge.to) }
        let topics = actionIDs.compactMap { stage.resource($0) }.filter { $0.kind == .sns }
        if !topics.isEmpty {
            put += " --alarm-actions " + topics.map { "\"$\(RunbookNames.variable($0.id))_ARN\"" }.joined(separator: " ")
            declared.append("notifies \(topics.map(\.name).joined(separator: ", "))")
        }
        return ([put], declared)
    }
}
