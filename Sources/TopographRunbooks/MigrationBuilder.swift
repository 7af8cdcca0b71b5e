import Foundation
import TopographModel
import TopographDiff

/// The context of the migration runbook between two consecutive stages, from their
/// `TopologyDiff`: the new stage's sections restricted to what is added (created in
/// dependency order by the same idempotent commands), updates for changed ECS services, and
/// delete commands for what is removed, dependents first.
package struct MigrationBuilder: Sendable {
    package init() {}

    package func context(from givenOld: StageTopology, to givenNew: StageTopology) -> MigrationContext {
        let old = RunbookNames.withAWSNames(givenOld)
        let new = RunbookNames.withAWSNames(givenNew)
        let diff = TopologyDiffer().diff(old: old, new: new)
        let added = diff.resources.filter { $0.kind == .added }.compactMap { new.resource($0.id) }
        let sorted = added.enumerated().sorted { lhs, rhs in
            let a = KindCatalog.creationRank(of: lhs.element.kind)
            let b = KindCatalog.creationRank(of: rhs.element.kind)
            return (a, lhs.offset) < (b, rhs.offset)
        }.map(\.element)
        // Re-applied by the new stage's own blocks (idempotent, and an update for what
        // exists): what is added, what changed, and both ends of every connection that
        // changed (a service gains a load balancer, an ALB a path rule).
        let changedIDs = diff.resources.filter { [.changed, .moved, .renamed].contains($0.kind) }.map(\.id)
        let touched = diff.connections.flatMap { [$0.from, $0.to] }
        let reapplied = Set(sorted.map(\.id) + changedIDs + touched).filter { new.resource($0) != nil }
        var create = RunbookBuilder(only: reapplied).context(for: new)
        let prefix = RunbookBuilder.blockPrefix(old.stage.name, new.stage.name)
        create.blockPrefix = prefix
        let changes: [MigrationChange] = diff.resources.filter { [.changed, .moved, .renamed].contains($0.kind) }.map { change in
            MigrationChange(id: ProseText(change.id), kind: change.resourceKind.rawValue, details: DiffReport.details(change), command: "", hasCommand: false)
        }
        let removed = diff.resources.filter { $0.kind == .removed }.compactMap { old.resource($0.id) }
        let removals = Self.removals(of: removed, in: old, prefix: "remove-")
        let rollback = Self.removals(of: sorted, in: new, prefix: "rollback-")
        return MigrationContext(
            marker: GeneratedMarker.htmlComment(source: new.file, stage: "\(old.stage.name) -> \(new.stage.name)"),
            title: ProseText(new.metadata.displayTitle), fromStage: ProseText(old.stage.name), toStage: ProseText(new.stage.name),
            fromTitle: ProseText(old.stage.title ?? ""), toTitle: ProseText(new.stage.title ?? ""),
            toDescription: new.stage.description.map { MarkdownText.block($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? "",
            summary: DiffReport.countText(diff), source: ShellWord(new.file),
            create: create, hasCreates: !reapplied.isEmpty, createdList: sorted.map { ProseText($0.id) },
            changes: changes, hasChanges: !changes.isEmpty, removals: removals, hasRemovals: !removals.isEmpty,
            hasAnything: !diff.isEmpty, blockPrefix: prefix, rollback: rollback, hasRollback: rollback.contains { $0.hasCommands },
            confirmValue: ShellQuote.word("\(old.stage.name)-to-\(new.stage.name)"))
    }

    /// Delete blocks for `resources` of `stage`, dependents (late in the creation order) first.
    static func removals(of resources: [Resource], in stage: StageTopology, prefix: String) -> [MigrationRemoval] {
        resources.enumerated().sorted { lhs, rhs in
            let a = KindCatalog.creationRank(of: lhs.element.kind)
            let b = KindCatalog.creationRank(of: rhs.element.kind)
            return (a, lhs.offset) > (b, rhs.offset)
        }.map(\.element).map { resource -> MigrationRemoval in
            let commands = deleteCommands(resource, in: stage)
            return MigrationRemoval(
                id: ProseText(resource.id), kindTitle: resource.kind.spec?.title ?? resource.kind.rawValue,
                commands: commands, hasCommands: !commands.isEmpty, blockName: RunbookBuilder.blockPrefix(prefix + resource.id).dropLast().description)
        }.filter { $0.hasCommands || prefix == "remove-" }
    }

    /// Look-up and delete commands for a removed resource; empty when Topograph has none.
    static func deleteCommands(_ resource: Resource, in stage: StageTopology) -> String {
        let own = ownDeleteCommands(resource, in: stage)
        guard RunbookBuilder().securityGroupOwners(in: stage).contains(where: { $0.id == resource.id }),
              [KindID.alb, .nlb, .ecsService, .vpcLink, .vpcEndpoint].contains(resource.kind) else { return own }
        // The group the runbook made for it goes too (once its network interfaces are released).
        let variable = RunbookBuilder.securityGroupVariable(resource.id)
        let name = ShellQuote.word(RunbookNames.valid("\(stage.metadata.name)-\(resource.id)", limit: 255))
        let group = "\(variable)=$(aws ec2 describe-security-groups --filters Name=group-name,Values=\(name) --query 'SecurityGroups[0].GroupId' --output text)\nif [ \"$\(variable)\" != None ]; then\n"
            + revokeReferences(variable) + "  aws ec2 delete-security-group --group-id \"$\(variable)\"\nfi"
        return own.isEmpty ? own : own + "\n" + group
    }

    /// Ingress rules of other groups that name the group: AWS refuses to delete a group a rule
    /// still references (DependencyViolation), and a rule left naming a deleted group is state
    /// a fresh stage does not have.
    static func revokeReferences(_ variable: String) -> String {
        let rules = "SecurityGroupRules[?ReferencedGroupInfo.GroupId=='$\(variable)' && IsEgress==\\`false\\`].SecurityGroupRuleId"
        return """
              for REFERRING_GROUP in $(aws ec2 describe-security-groups --filters Name=ip-permission.group-id,Values="$\(variable)" --query 'SecurityGroups[].GroupId' --output text); do
                for RULE_ID in $(aws ec2 describe-security-group-rules --filters Name=group-id,Values="$REFERRING_GROUP" --query "\(rules)" --output text); do
                  aws ec2 revoke-security-group-ingress --group-id "$REFERRING_GROUP" --security-group-rule-ids "$RULE_ID" --query Return --output text
                done
              done

            """
    }

    static func ownDeleteCommands(_ resource: Resource, in stage: StageTopology) -> String {
        let variable = RunbookNames.variable(resource.id)
        func found(_ lookup: String, _ delete: String) -> String {
            "\(variable)_ID=$(\(lookup))\nif [ \"$\(variable)_ID\" != None ]; then\n  \(delete)\nfi"
        }
        switch resource.kind {
        case .httpAPI:
            return found("aws apigatewayv2 get-apis --query \(RunbookNames.lookup("Items", "Name", resource.name, select: "ApiId").renderText) --output text",
                         "aws apigatewayv2 delete-api --api-id \"$\(variable)_ID\"")
        case .restAPI:
            return found("aws apigateway get-rest-apis --query \(RunbookNames.lookup("items", "name", resource.name, select: "id").renderText) --output text",
                         "aws apigateway delete-rest-api --rest-api-id \"$\(variable)_ID\"")
        case .vpcLink:
            if resource.string("api") == "rest" {
                return found("aws apigateway get-vpc-links --query \(RunbookNames.lookup("items", "name", resource.name, select: "id").renderText) --output text",
                             "aws apigateway delete-vpc-link --vpc-link-id \"$\(variable)_ID\"")
            }
            return found("aws apigatewayv2 get-vpc-links --query \(RunbookNames.lookup("Items", "Name", resource.name, select: "VpcLinkId").renderText) --output text",
                         "aws apigatewayv2 delete-vpc-link --vpc-link-id \"$\(variable)_ID\"")
        case .alb, .nlb:
            return found("aws elbv2 describe-load-balancers --query \(RunbookNames.lookup("LoadBalancers", "LoadBalancerName", resource.name, select: "LoadBalancerArn").renderText) --output text",
                         "aws elbv2 delete-load-balancer --load-balancer-arn \"$\(variable)_ID\"")
        case .ecsService:
            let cluster = ShellQuote.word(RunbookBuilder.clusterName(of: resource, in: stage))
            let name = ShellQuote.word(resource.name)
            return "aws ecs update-service --cluster \(cluster) --service \(name) --desired-count 0 --query service.desiredCount --output text\naws ecs delete-service --cluster \(cluster) --service \(name) --query service.status --output text"
        case .vpcEndpoint:
            let service = ShellQuote.word("Name=service-name,Values=com.amazonaws.\(stage.metadata.region ?? "us-east-1").\(resource.string("service") ?? "execute-api")")
            return found("aws ec2 describe-vpc-endpoints --filters \(service) --query 'VpcEndpoints[0].VpcEndpointId' --output text",
                         "aws ec2 delete-vpc-endpoints --vpc-endpoint-ids \"$\(variable)_ID\"")
        default:
            return provisionedDeleteCommands(resource, in: stage)
        }
    }
}
