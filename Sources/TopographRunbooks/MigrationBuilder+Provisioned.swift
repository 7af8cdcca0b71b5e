import Foundation
import TopographModel

/// Delete commands for what `RunbookBuilder+Provision` creates, for the rollback section and
/// migration removals: each looks the resource up by the name it was created by and deletes
/// only what it finds. What can be recovered is deleted recoverably (a secret keeps its
/// recovery window, a key is scheduled for deletion, not deleted).
extension MigrationBuilder {
    static func provisionedDeleteCommands(_ resource: Resource, in stage: StageTopology) -> String {
        let v = RunbookNames.variable(resource.id)
        let name = ShellQuote.word(resource.name)
        func found(_ variable: String, _ lookup: String, _ delete: [String]) -> String {
            "\(variable)=$(\(lookup))\nif [ \"$\(variable)\" != None ]; then\n" + delete.map { "  " + $0 }.joined(separator: "\n") + "\nfi"
        }
        switch resource.kind {
        case .sqs:
            let query = ShellQuote.word("QueueUrls[?ends_with(@, \(RunbookNames.literal("/" + resource.name)))] | [0]")
            return found("\(v)_URL", "aws sqs list-queues --queue-name-prefix \(name) --query \(query) --output text",
                         ["aws sqs delete-queue --queue-url \"$\(v)_URL\""])
        case .sns:
            let query = ShellQuote.word("Topics[?ends_with(TopicArn, \(RunbookNames.literal(":" + resource.name)))].TopicArn | [0]")
            return found("\(v)_ARN", "aws sns list-topics --query \(query) --output text", ["aws sns delete-topic --topic-arn \"$\(v)_ARN\""])
        case .kinesisStream:
            let query = ShellQuote.word("StreamNames[?@==\(RunbookNames.literal(resource.name))] | [0]")
            return found("\(v)_STREAM", "aws kinesis list-streams --query \(query) --output text",
                         ["aws kinesis delete-stream --stream-name \(name) --enforce-consumer-deletion"])
        case .eventBridgeBus where resource.name != "default":
            return found("\(v)_ARN", "aws events list-event-buses --name-prefix \(name) --query \(RunbookNames.lookup("EventBuses", "Name", resource.name, select: "Arn").renderText) --output text", [
                "for ARCHIVE in $(aws events list-archives --event-source-arn \"$\(v)_ARN\" --query 'Archives[].ArchiveName' --output text); do",
                "  aws events delete-archive --archive-name \"$ARCHIVE\"",
                "done",
                "aws events delete-event-bus --name \(name)",
            ])
        case .eventBridgeRule:
            let bus = ShellQuote.word(resource.string("bus").flatMap { stage.resource($0) }?.name ?? "default")
            return found("\(v)_RULE", "aws events list-rules --name-prefix \(name) --event-bus-name \(bus) --query \(RunbookNames.lookup("Rules", "Name", resource.name, select: "Name").renderText) --output text", [
                "\(v)_TARGET_IDS=$(aws events list-targets-by-rule --rule \(name) --event-bus-name \(bus) --query 'Targets[].Id' --output text)",
                "# shellcheck disable=SC2086 # one word per target id",
                "[ -z \"$\(v)_TARGET_IDS\" ] || aws events remove-targets --rule \(name) --event-bus-name \(bus) --ids $\(v)_TARGET_IDS --query FailedEntryCount --output text",
                "aws events delete-rule --name \(name) --event-bus-name \(bus)",
            ])
        case .secretsManager:
            return found("\(v)_ARN", "aws secretsmanager list-secrets --filters Key=name,Values=\(name) --query \(RunbookNames.lookup("SecretList", "Name", resource.name, select: "ARN").renderText) --output text",
                         ["aws secretsmanager delete-secret --secret-id \"$\(v)_ARN\" --recovery-window-in-days 30 --query DeletionDate --output text"])
        case .efs:
            return found("\(v)_ID", "aws efs describe-file-systems --creation-token \(name) --query 'FileSystems[0].FileSystemId' --output text", [
                "for MOUNT_TARGET in $(aws efs describe-mount-targets --file-system-id \"$\(v)_ID\" --query 'MountTargets[].MountTargetId' --output text); do",
                "  aws efs delete-mount-target --mount-target-id \"$MOUNT_TARGET\"",
                "done",
                "# The file system goes once its mount targets are gone (a minute or two).",
                "for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24; do",
                "  [ \"$(aws efs describe-mount-targets --file-system-id \"$\(v)_ID\" --query 'length(MountTargets)' --output text)\" = 0 ] && break",
                "  sleep 5",
                "done",
                "aws efs delete-file-system --file-system-id \"$\(v)_ID\"",
            ])
        case .cloudwatchAlarm:
            return "aws cloudwatch delete-alarms --alarm-names \(name)"
        case .kmsKey:
            let alias = RunbookBuilder.keyAlias(resource)
            return found("\(v)_KEY", "aws kms list-aliases --query \(RunbookNames.lookup("Aliases", "AliasName", alias, select: "TargetKeyId").renderText) --output text", [
                "aws kms delete-alias --alias-name \(ShellQuote.word(alias))",
                "aws kms schedule-key-deletion --key-id \"$\(v)_KEY\" --pending-window-in-days \(resource.int("deletion_window") ?? 30) --query DeletionDate --output text",
            ])
        default:
            return ""
        }
    }
}
