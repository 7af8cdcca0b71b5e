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
        let create = RunbookBuilder(only: Set(sorted.map(\.id))).context(for: new)
        let changes: [MigrationChange] = diff.resources.filter { [.changed, .moved, .renamed].contains($0.kind) }.map { change in
            var command = ""
            if let resource = new.resource(change.id), resource.kind == "ecs-service" {
                let cluster = ShellQuote.word(RunbookBuilder.clusterName(of: resource, in: new))
                let name = ShellQuote.word(resource.name)
                command = "aws ecs update-service --cluster \(cluster) --service \(name)"
                if change.attributes.contains(where: { $0.path == "exec" }) {
                    command += resource.bool("exec") == true ? " --enable-execute-command" : " --disable-execute-command"
                }
                if let desired = change.attributes.first(where: { $0.path == "desired" })?.new?.intValue {
                    command += " --desired-count \(desired)"
                }
                command += " --force-new-deployment --query service.deployments[0].status --output text"
            }
            return MigrationChange(id: ProseText(change.id), kind: change.resourceKind.rawValue, details: DiffReport.details(change), command: command, hasCommand: !command.isEmpty)
        }
        // Removed: dependents (late in the creation order) first.
        let removed = diff.resources.filter { $0.kind == .removed }.compactMap { old.resource($0.id) }
        let removals = removed.enumerated().sorted { lhs, rhs in
            let a = KindCatalog.creationRank(of: lhs.element.kind)
            let b = KindCatalog.creationRank(of: rhs.element.kind)
            return (a, lhs.offset) > (b, rhs.offset)
        }.map(\.element).map { resource -> MigrationRemoval in
            let commands = Self.deleteCommands(resource, in: old)
            return MigrationRemoval(id: ProseText(resource.id), kindTitle: resource.kind.spec?.title ?? resource.kind.rawValue, commands: commands, hasCommands: !commands.isEmpty)
        }
        return MigrationContext(
            marker: GeneratedMarker.htmlComment(source: new.file, stage: "\(old.stage.name) -> \(new.stage.name)"),
            title: ProseText(new.metadata.displayTitle), fromStage: ProseText(old.stage.name), toStage: ProseText(new.stage.name),
            fromTitle: ProseText(old.stage.title ?? ""), toTitle: ProseText(new.stage.title ?? ""),
            toDescription: new.stage.description.map { MarkdownText.block($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? "",
            summary: DiffReport.countText(diff), source: ShellWord(new.file),
            create: create, hasCreates: !sorted.isEmpty, createdList: sorted.map { ProseText($0.id) },
            changes: changes, hasChanges: !changes.isEmpty, removals: removals, hasRemovals: !removals.isEmpty,
            hasAnything: !diff.isEmpty)
    }

    /// Look-up and delete commands for a removed resource; empty when Topograph has none.
    static func deleteCommands(_ resource: Resource, in stage: StageTopology) -> String {
        let variable = RunbookNames.variable(resource.id)
        func found(_ lookup: String, _ delete: String) -> String {
            "\(variable)_ID=$(\(lookup))\nif [ \"$\(variable)_ID\" != None ]; then\n  \(delete)\nfi"
        }
        switch resource.kind {
        case "api-gateway-http":
            return found("aws apigatewayv2 get-apis --query \(RunbookNames.lookup("Items", "Name", resource.name, select: "ApiId").renderText) --output text",
                         "aws apigatewayv2 delete-api --api-id \"$\(variable)_ID\"")
        case "api-gateway-rest":
            return found("aws apigateway get-rest-apis --query \(RunbookNames.lookup("items", "name", resource.name, select: "id").renderText) --output text",
                         "aws apigateway delete-rest-api --rest-api-id \"$\(variable)_ID\"")
        case "vpc-link":
            if resource.string("api") == "rest" {
                return found("aws apigateway get-vpc-links --query \(RunbookNames.lookup("items", "name", resource.name, select: "id").renderText) --output text",
                             "aws apigateway delete-vpc-link --vpc-link-id \"$\(variable)_ID\"")
            }
            return found("aws apigatewayv2 get-vpc-links --query \(RunbookNames.lookup("Items", "Name", resource.name, select: "VpcLinkId").renderText) --output text",
                         "aws apigatewayv2 delete-vpc-link --vpc-link-id \"$\(variable)_ID\"")
        case "alb", "nlb":
            return found("aws elbv2 describe-load-balancers --query \(RunbookNames.lookup("LoadBalancers", "LoadBalancerName", resource.name, select: "LoadBalancerArn").renderText) --output text",
                         "aws elbv2 delete-load-balancer --load-balancer-arn \"$\(variable)_ID\"")
        case "ecs-service":
            let cluster = ShellQuote.word(RunbookBuilder.clusterName(of: resource, in: stage))
            let name = ShellQuote.word(resource.name)
            return "aws ecs update-service --cluster \(cluster) --service \(name) --desired-count 0 --query service.desiredCount --output text\naws ecs delete-service --cluster \(cluster) --service \(name) --query service.status --output text"
        case "vpc-endpoint":
            let service = ShellQuote.word("Name=service-name,Values=com.amazonaws.\(stage.metadata.region ?? "us-east-1").\(resource.string("service") ?? "execute-api")")
            return found("aws ec2 describe-vpc-endpoints --filters \(service) --query 'VpcEndpoints[0].VpcEndpointId' --output text",
                         "aws ec2 delete-vpc-endpoints --vpc-endpoint-ids \"$\(variable)_ID\"")
        default:
            return ""
        }
    }
}
