import Foundation
import TopographModel
import TopographDiff

/// The context of the migration runbook between two consecutive stages, derived from
/// their `TopologyDiff`: what to create in dependency order, with a check after each step,
/// what to change, and what to remove last.
package struct MigrationBuilder: Sendable {
    package init() {}

    package func context(from old: StageTopology, to new: StageTopology) -> RunbookContext {
        let diff = TopologyDiffer().diff(old: old, new: new)
        let region = new.metadata.region ?? "<REGION>"
        let added = diff.resources.filter { $0.kind == .added }.compactMap { new.resource($0.id) }
        let sorted = added.enumerated().sorted { lhs, rhs in
            let a = KindCatalog.creationRank(of: lhs.element.kind)
            let b = KindCatalog.creationRank(of: rhs.element.kind)
            return (a, lhs.offset) < (b, rhs.offset)
        }.map(\.element)
        var creates: [RunbookContext] = []
        for (index, resource) in sorted.enumerated() {
            let (instruction, verify) = steps(for: resource, in: new, region: region)
            let connections = new.connections.filter { $0.from == resource.id || $0.to == resource.id }.map { ["text": $0.endpoints + ($0.displayLabel.map { " (\($0))" } ?? "")] }
            creates.append([
                "number": String(index + 1), "verb": "Create", "id": resource.id, "label": resource.label == resource.id ? "" : resource.label,
                "kindTitle": KindCatalog.spec(resource.kind)?.title ?? resource.kind,
                "instruction": instruction, "verify": verify,
                "connections": connections, "hasConnections": !connections.isEmpty,
            ])
        }
        let changes: [RunbookContext] = diff.resources.filter { [.changed, .moved, .renamed].contains($0.kind) }.map { change in
            var item: RunbookContext = ["id": change.id, "kind": change.resourceKind, "details": DiffRenderer.details(change)]
            if let resource = new.resource(change.id), resource.kind == "ecs-service" {
                let cluster = RunbookBuilder.clusterName(of: resource, in: new)
                var command = "aws ecs update-service --cluster \(cluster) --service \(resource.name)"
                if change.attributes.contains(where: { $0.path == "exec" }) && resource.bool("exec") == true {
                    command += " --enable-execute-command"
                }
                if let desired = change.attributes.first(where: { $0.path == "desired" })?.new?.intValue {
                    command += " --desired-count \(desired)"
                }
                command += " --force-new-deployment\n  aws ecs wait services-stable --cluster \(cluster) --services \(resource.name)"
                item["command"] = command
            }
            return item
        }
        let removals: [RunbookContext] = diff.resources.filter { $0.kind == .removed }.reversed().map {
            ["id": $0.id, "kindTitle": KindCatalog.spec($0.resourceKind)?.title ?? $0.resourceKind]
        }
        let connectionChanges: [RunbookContext] = diff.connections.map {
            ["change": $0.kind.rawValue, "endpoints": $0.endpoints, "details": DiffRenderer.connectionDetails($0)]
        }
        return [
            "marker": GeneratedMarker.htmlComment(source: new.file, stage: "\(old.stage.name) -> \(new.stage.name)"),
            "title": new.metadata.displayTitle, "source": new.file, "region": region,
            "fromStage": old.stage.name, "toStage": new.stage.name,
            "fromTitle": old.stage.title ?? "", "toTitle": new.stage.title ?? "",
            "toDescription": new.stage.description.map { MarkdownText.block($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? "",
            "summary": DiffRenderer.countText(diff),
            "creates": creates, "hasCreates": !creates.isEmpty,
            "changes": changes, "hasChanges": !changes.isEmpty,
            "removals": removals, "hasRemovals": !removals.isEmpty,
            "connectionChanges": connectionChanges, "hasConnectionChanges": !connectionChanges.isEmpty,
            "hasAnything": !diff.isEmpty,
        ]
    }

    /// What to do for one new resource, and the command that shows it is in place.
    func steps(for resource: Resource, in stage: StageTopology, region: String) -> (String, String) {
        let name = resource.name
        switch resource.kind {
        case "vpc-endpoint":
            let service = resource.string("service") ?? "<SERVICE>"
            let type = resource.string("endpoint_type") == "gateway" ? "Gateway" : "Interface"
            let dns = resource.bool("private_dns") == true ? "with private DNS names **on**" : "with private DNS names **off**"
            return ("Create the \(type.lowercased()) endpoint for `com.amazonaws.\(region).\(service)` \(dns) (see the stage runbook for the command).",
                    "aws ec2 describe-vpc-endpoints --filters Name=service-name,Values=com.amazonaws.\(region).\(service) --query 'VpcEndpoints[].{id:VpcEndpointId,state:State,privateDns:PrivateDnsEnabled}'")
        case "nlb", "alb":
            let type = resource.kind == "nlb" ? "network" : "application"
            var text = "Create the \(resource.string("scheme") ?? "internal") \(type) load balancer `\(name)`"
            if resource.kind == "nlb" {
                if resource.bool("cross_zone") == true { text += ", turn cross-zone load balancing on" }
                if resource.bool("enforce_privatelink_inbound_rules") == false { text += ", create it with a security group and turn PrivateLink inbound-rule enforcement off" }
            }
            return (text + ".", "aws elbv2 describe-load-balancers --names \(name) --query 'LoadBalancers[0].{state:State.Code,scheme:Scheme,dns:DNSName}'")
        case "vpc-link":
            if resource.string("api") == "rest" {
                return ("Create the REST API VPC link `\(name)` targeting the NLB (`aws apigateway create-vpc-link`); it takes minutes to become available.",
                        "aws apigateway get-vpc-links --query \"items[?name=='\(name)'].[id,status]\" --output table")
            }
            return ("Create the HTTP API VPC link `\(name)` in the private subnets (`aws apigatewayv2 create-vpc-link`).",
                    "aws apigatewayv2 get-vpc-links --query \"Items[?Name=='\(name)'].[VpcLinkId,VpcLinkStatus]\" --output table")
        case "api-gateway-http":
            let routes = resource.strings("routes").map { "`\($0)`" }.joined(separator: ", ")
            return ("Create the HTTP API `\(name)`, its private integration\(resource.string("path_mapping").map { " with the path mapping `\($0)`" } ?? ""), the routes \(routes) and the stage `\(resource.string("stage_name") ?? "$default")` (auto-deploy).",
                    "aws apigatewayv2 get-apis --query \"Items[?Name=='\(name)'].[ApiId,ApiEndpoint]\" --output table")
        case "api-gateway-rest":
            return ("Create the REST API `\(name)` (\(resource.string("endpoint") ?? "regional")), the `{proxy+}` resource, the method\(resource.strings("request_headers").isEmpty ? "" : " with the headers \(resource.strings("request_headers").joined(separator: ", "))"), the VPC-link integration and a deployment to `\(resource.string("stage_name") ?? "prod")` with the `vpcLinkId` stage variable.",
                    "aws apigateway get-rest-apis --query \"items[?name=='\(name)'].[id,endpointConfiguration.types[0]]\" --output table")
        case "lambda":
            return ("Deploy the Lambda function `\(name)`\(resource.string("runtime").map { " (\($0))" } ?? "") and allow API Gateway to invoke it.",
                    "aws lambda get-function --function-name \(name) --query 'Configuration.[State,LastUpdateStatus]'")
        case "ecs-service":
            let cluster = RunbookBuilder.clusterName(of: resource, in: stage)
            return ("Create the ECS service `\(name)` in cluster `\(cluster)` and wait until it is stable.",
                    "aws ecs wait services-stable --cluster \(cluster) --services \(name)\naws ecs describe-services --cluster \(cluster) --services \(name) --query 'services[0].{running:runningCount,desired:desiredCount}'")
        case "elasticache-redis":
            return ("Create the Redis replication group `\(name)`\(resource.bool("tls") == true ? " with in-transit encryption" : "") in the private subnets.",
                    "aws elasticache describe-replication-groups --replication-group-id \(name) --query 'ReplicationGroups[0].Status'")
        default:
            return ("Create \(KindCatalog.spec(resource.kind)?.title ?? resource.kind.rawValue) `\(name)` as the topology describes it.",
                    "# confirm `\(name)` exists in the console or with the service's describe command")
        }
    }
}
