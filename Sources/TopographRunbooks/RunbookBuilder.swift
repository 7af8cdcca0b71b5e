import Foundation
import TopographModel
import TopographDiff

/// `StageTopology` -> the context of its runbook. Sections are present only when the stage
/// has what they are about (a `sessionStores` list only when there is a Redis session
/// store, ...). Values the topology cannot know (ids AWS assigns, endpoints) are shell
/// variables assigned by the command that finds them, or `<PLACEHOLDER>`s with that
/// command right above.
package struct RunbookBuilder: Sendable {
    package init() {}

    package func context(for stage: StageTopology) -> RunbookContext {
        let region = stage.metadata.region ?? "<REGION>"
        var context: RunbookContext = [
            "marker": GeneratedMarker.htmlComment(source: stage.file, stage: stage.stage.name),
            "title": stage.metadata.displayTitle,
            "topologyName": stage.metadata.name,
            "stageName": stage.stage.name,
            "hasStage": stage.stage.name != StageInfo.defaultName,
            "stageTitle": stage.stage.title ?? "",
            "stageDescription": stage.stage.description.map { MarkdownText.block($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? "",
            "description": stage.metadata.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
            "region": region,
            "account": stage.metadata.account ?? "<ACCOUNT_ID>",
            "source": stage.file,
            "dockerFormat": "{{.Names}}\\t{{.Image}}",
        ]
        let services = stage.resources(ofKind: "ecs-service").map { service(in: stage, $0) }
        context["ecsServices"] = services
        context["hasEcsServices"] = !services.isEmpty
        let stores = sessionStores(in: stage)
        context["sessionStores"] = stores
        context["hasSessionStores"] = !stores.isEmpty
        let http = httpAPIs(in: stage)
        context["httpApis"] = http
        context["hasHttpApis"] = !http.isEmpty
        let rest = restAPIs(in: stage, region: region)
        context["restApis"] = rest
        context["hasRestApis"] = !rest.isEmpty
        let balancers = loadBalancers(in: stage)
        context["loadBalancers"] = balancers
        context["hasLoadBalancers"] = !balancers.isEmpty
        let targets = loadTestTargets(in: stage, region: region)
        context["loadTestTargets"] = targets
        context["hasLoadTest"] = !targets.isEmpty
        let scaling = autoscaling(in: stage)
        context["autoscaling"] = scaling
        context["hasAutoscaling"] = !scaling.isEmpty
        let subnets = subnetVariables(in: stage)
        context["subnetVariables"] = subnets
        context["hasSubnetVariables"] = !subnets.isEmpty
        context["vpcCidr"] = stage.resources(ofKind: "vpc").first?.string("cidr") ?? ""
        context["hasVpcCidr"] = !(context["vpcCidr"] as! String).isEmpty
        return context
    }

    // MARK: - Pieces

    /// The cluster an ECS service runs in: `cluster:`, else the enclosing ecs-cluster.
    static func clusterName(of service: Resource, in stage: StageTopology) -> String {
        if let id = service.string("cluster"), let cluster = stage.resource(id) { return cluster.name }
        return stage.enclosing(service.id, kinds: ["ecs-cluster"])?.name ?? "default"
    }

    static func container(of service: Resource) -> (name: String, port: Int?) {
        let first = service["containers"]?.listValue?.first
        return (first?["name"]?.scalarText ?? service.name, first?["port"]?.intValue)
    }

    func service(in stage: StageTopology, _ service: Resource) -> RunbookContext {
        let (container, port) = Self.container(of: service)
        let variable = Self.variableName(service.id)
        return [
            "id": service.id, "label": service.label, "name": service.name,
            "cluster": Self.clusterName(of: service, in: stage),
            "container": container, "port": port.map(String.init) ?? "", "hasPort": port != nil,
            "healthCheck": service.string("health_check") ?? "",
            "execDeclared": service.bool("exec") == true,
            "taskVariable": "\(variable)_TASK",
            "serviceConnect": service.string("service_connect") ?? "",
            "isClientServer": service.string("service_connect") == "client-server",
            "namespace": service.string("discovery").flatMap { stage.resource($0)?.string("namespace") } ?? "<CLOUD_MAP_NAMESPACE>",
        ]
    }

    /// Shell variable names: `web-app` -> `WEB_APP`.
    static func variableName(_ id: String) -> String {
        id.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    func sessionStores(in stage: StageTopology) -> [RunbookContext] {
        stage.resources(ofKind: "elasticache-redis").filter { $0.string("role") != "cache" || $0.string("key_pattern") != nil }.map { store in
            // A service that talks to the store hosts the AWS-side checks (ECS Exec into it);
            // for the rolling-update check, a second one survives the first one's rollout.
            let clients = stage.incoming(store.id).compactMap { stage.resource($0.from) }.filter { $0.kind == "ecs-service" }
            let shell = clients.first
            let other = clients.dropFirst().first
            let tls = store.bool("tls") == true
            let port = store.int("port") ?? 6379
            var item: RunbookContext = [
                "id": store.id, "label": store.label, "name": store.name,
                "pattern": store.string("key_pattern") ?? "*",
                "tls": tls, "tlsFlag": tls ? "--tls " : "", "redisPort": String(port),
                "isSessionStore": store.string("role") == "session-store",
                "localContainer": store.string("local_container") ?? "",
                "hasLocalContainer": store.string("local_container") != nil,
                "hasShellService": shell != nil,
            ]
            if let shell {
                item["shellService"] = service(in: stage, shell)
            }
            if let other {
                item["otherService"] = service(in: stage, other)
                item["hasOtherService"] = true
                item["rolledService"] = service(in: stage, shell!)
            } else if let shell {
                item["hasOtherService"] = false
                item["rolledService"] = service(in: stage, shell)
            }
            return item
        }
    }

    func subnetVariables(in stage: StageTopology) -> [RunbookContext] {
        stage.resources(ofKind: "subnet").map { subnet in
            [
                "id": subnet.id, "variable": "SUBNET_" + Self.variableName(subnet.id),
                "cidr": subnet.string("cidr") ?? "", "hasCidr": subnet.string("cidr") != nil,
            ]
        }
    }

    /// Subnet ids as shell words for `--subnet-ids`: the variables of the given subnets.
    static func subnetWords(_ ids: [String]) -> String {
        ids.isEmpty ? "<SUBNET_ID_A> <SUBNET_ID_B>" : ids.map { "\"$SUBNET_\(variableName($0))\"" }.joined(separator: " ")
    }

    static func pathOf(route: String) -> (method: String, path: String) {
        let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : ("ANY", route)
    }

    func httpAPIs(in stage: StageTopology) -> [RunbookContext] {
        stage.resources(ofKind: "api-gateway-http").map { api in
            let links = stage.outgoing(api.id).compactMap { stage.resource($0.to) }.filter { $0.kind == "vpc-link" }
            let link = links.first
            let target = link.flatMap { link in stage.outgoing(link.id).compactMap { stage.resource($0.to) }.first { $0.kind == "ecs-service" } }
            let namespace = target.flatMap { $0.string("discovery") }.flatMap { stage.resource($0)?.string("namespace") }
            let authorizer = api.string("authorizer").flatMap { stage.resource($0) }
            let health = target?.string("health_check") ?? "/"
            let routes = api.strings("routes").map { route -> RunbookContext in
                let (method, path) = Self.pathOf(route: route)
                // A path the check can call: the greedy segment replaced by the service's health check.
                let sample = path.hasSuffix("/{proxy+}") ? String(path.dropLast("/{proxy+}".count)) + health : path
                return ["route": route, "method": method, "path": path, "samplePath": sample]
            }
            let mapping = api.string("path_mapping") ?? ""
            return [
                "id": api.id, "name": api.name, "label": api.label,
                "variable": Self.variableName(api.id),
                "routes": routes, "hasRoutes": !routes.isEmpty,
                "pathMapping": mapping, "hasPathMapping": !mapping.isEmpty,
                "requestParameters": mapping.isEmpty ? "" : "{\"overwrite:path\":\"\(mapping)\"}",
                "stageName": api.string("stage_name") ?? "$default",
                "hasVpcLink": link != nil,
                "vpcLinkName": link?.name ?? "",
                "vpcLinkVariable": link.map { Self.variableName($0.id) } ?? "",
                "subnetWords": Self.subnetWords(link.map { $0.subnets } ?? []),
                "hasTarget": target != nil,
                "targetService": target.map { service(in: stage, $0) } ?? [:],
                "discoveryName": target?.name ?? "<SERVICE>",
                "namespace": namespace ?? "<CLOUD_MAP_NAMESPACE>",
                "hasAuthorizer": authorizer != nil,
                "authorizerName": authorizer?.name ?? "",
            ]
        }
    }

    func restAPIs(in stage: StageTopology, region: String) -> [RunbookContext] {
        stage.resources(ofKind: "api-gateway-rest").map { api in
            let endpoint = stage.resources(ofKind: "vpc-endpoint").first { $0.string("service") == "execute-api" && $0.bool("private_dns") == true }
            let links = stage.outgoing(api.id).compactMap { stage.resource($0.to) }.filter { $0.kind == "vpc-link" }
            let link = links.first
            let nlb = link.flatMap { link in (link.strings("targets") + stage.outgoing(link.id).map(\.to)).compactMap { stage.resource($0) }.first { $0.kind == "nlb" } }
            let alb = nlb.flatMap { nlb in stage.outgoing(nlb.id).compactMap { stage.resource($0.to) }.first { $0.kind == "alb" } }
            let albPort = alb?["listeners"]?.listValue?.first?.intValue ?? 80
            let nlbPort = nlb?["listeners"]?.listValue?.first?.intValue ?? 80
            let zones = nlb.map { stage.availabilityZones(of: $0) } ?? []
            let headers = api.strings("request_headers")
            let methodParameters = (["method.request.path.proxy=true"] + headers.map { "method.request.header.\($0)=false" }).joined(separator: ",")
            let stageName = api.string("stage_name") ?? "prod"
            let successCodes = (api["success_codes"]?.listValue ?? []).compactMap(\.intValue).filter { $0 != 200 }
            let policy = Self.resourcePolicy(region: region, account: stage.metadata.account ?? "<ACCOUNT_ID>")
            return [
                "id": api.id, "name": api.name, "label": api.label,
                "isPrivate": api.string("endpoint") == "private",
                "endpointType": (api.string("endpoint") ?? "regional").uppercased(),
                "stageName": stageName,
                "hasEndpoint": endpoint != nil,
                "endpointSubnetWords": Self.subnetWords(endpoint?.subnets ?? []),
                "hasNlb": nlb != nil,
                "nlbName": nlb?.name ?? "<NLB_NAME>",
                "nlbSubnetWords": Self.subnetWords(nlb?.subnets ?? []),
                "nlbPort": String(nlbPort),
                "crossZone": nlb?.bool("cross_zone") == true,
                "spansZones": zones.count > 1,
                "zones": zones.sorted().joined(separator: ", "),
                "privateLinkRulesOff": nlb?.bool("enforce_privatelink_inbound_rules") == false,
                "hasAlb": alb != nil,
                "albName": alb?.name ?? "",
                "albPort": String(albPort),
                "hasVpcLink": link != nil,
                "vpcLinkName": link?.name ?? "<VPC_LINK_NAME>",
                "methodParameters": methodParameters,
                "headers": headers.map { ["header": $0] },
                "hasCookie": headers.contains { $0.lowercased() == "cookie" },
                "routes": api.strings("routes").map { ["route": $0] },
                "successCodes": successCodes.map { ["code": String($0)] },
                "hasSuccessCodes": !successCodes.isEmpty,
                "successCodesText": successCodes.map(String.init).joined(separator: ", "),
                "resourcePolicy": policy,
            ]
        }
    }

    /// The resource policy that limits a private REST API to the VPC: valid JSON, built by
    /// JSONSerialization from the topology's region and account.
    static func resourcePolicy(region: String, account: String) -> String {
        let resource = "arn:aws:execute-api:\(region):\(account):<REST_API_ID>/*"
        let policy: [String: Any] = [
            "Version": "2012-10-17",
            "Statement": [
                ["Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": resource,
                 "Condition": ["StringNotEquals": ["aws:SourceVpc": "<VPC_ID>"]]],
                ["Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": resource],
            ],
        ]
        let data = try! JSONSerialization.data(withJSONObject: policy, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    func loadBalancers(in stage: StageTopology) -> [RunbookContext] {
        stage.resources(ofKinds: ["alb", "nlb"]).compactMap { balancer in
            let targets = stage.outgoing(balancer.id).compactMap { stage.resource($0.to) }.filter { $0.kind == "ecs-service" }.map { target -> RunbookContext in
                let (_, port) = Self.container(of: target)
                let path = target.string("health_check") ?? balancer.string("health_check") ?? "/"
                return [
                    "service": target.name, "cluster": Self.clusterName(of: target, in: stage),
                    "port": String(port ?? 80), "healthCheck": path,
                    "targetGroup": String("\(stage.metadata.name)-\(target.name)".prefix(32)),
                ]
            }
            return [
                "id": balancer.id, "name": balancer.name, "label": balancer.label,
                "isNlb": balancer.kind == "nlb", "kindTitle": balancer.kind == "nlb" ? "NLB" : "ALB",
                "variable": Self.variableName(balancer.id),
                "targets": targets, "hasTargets": !targets.isEmpty,
            ]
        }
    }

    func loadTestTargets(in stage: StageTopology, region: String) -> [RunbookContext] {
        var targets: [RunbookContext] = []
        for balancer in stage.resources(ofKind: "alb") where balancer.string("scheme") == "internet-facing" {
            let service = stage.outgoing(balancer.id).compactMap { stage.resource($0.to) }.first { $0.kind == "ecs-service" }
            let path = service?.string("health_check") ?? balancer.string("health_check") ?? "/"
            let scheme = (balancer["listeners"]?.listValue ?? []).contains(.int(443)) ? "https" : "http"
            let host = stage.incoming(balancer.id).compactMap { stage.resource($0.from) }.first { $0.kind == "route53" }.flatMap { $0.string("record") }
            targets.append(["line": "GET \(scheme)://\(host ?? "$" + Self.variableName(balancer.id) + "_DNS")\(path)"])
        }
        for api in stage.resources(ofKind: "api-gateway-http") {
            for route in api.strings("routes") {
                let (_, path) = Self.pathOf(route: route)
                let link = stage.outgoing(api.id).compactMap { stage.resource($0.to) }.first { $0.kind == "vpc-link" }
                let service = link.flatMap { link in stage.outgoing(link.id).compactMap { stage.resource($0.to) }.first { $0.kind == "ecs-service" } }
                let health = service?.string("health_check") ?? "/health"
                let prefix = path.replacingOccurrences(of: "/{proxy+}", with: "")
                targets.append(["line": "GET https://$\(Self.variableName(api.id))_ID.execute-api.\(region).amazonaws.com\(prefix)\(health)"])
            }
        }
        return targets
    }

    func autoscaling(in stage: StageTopology) -> [RunbookContext] {
        stage.resources(ofKind: "autoscaling").compactMap { policy in
            guard let targetID = policy.string("target"), let target = stage.resource(targetID), target.kind == "ecs-service" else { return nil }
            let cluster = Self.clusterName(of: target, in: stage)
            return [
                "id": policy.id, "service": target.name, "cluster": cluster,
                "resourceID": "service/\(cluster)/\(target.name)",
                "min": String(policy.int("min") ?? target.int("min") ?? target.int("desired") ?? 1),
                "max": String(policy.int("max") ?? target.int("max") ?? (target.int("desired") ?? 1) * 2),
                "metric": policy.string("metric") ?? "CPUUtilization",
                "scaleOut": String(policy.int("scale_out") ?? 70),
                "scaleIn": String(policy.int("scale_in") ?? 30),
            ]
        }
    }
}
