import TopographModel

/// ECS clusters, services and task definitions; Cloud Map namespaces and services;
/// Application Auto Scaling targets and policies; log groups and ECR repositories.
extension AWSAccountReader {
    static let containerCalls: [AWSCall] = [
        AWSCall("ecs", "list-clusters"), AWSCall("servicediscovery", "list-namespaces"), AWSCall("servicediscovery", "list-services"),
        AWSCall("application-autoscaling", "describe-scalable-targets", ["--service-namespace", "ecs"]),
        AWSCall("application-autoscaling", "describe-scaling-policies", ["--service-namespace", "ecs"]),
        AWSCall("logs", "describe-log-groups"), AWSCall("ecr", "describe-repositories"),
    ]

    func readContainerLists(_ fetched: Fetched) {
        let b = builder
        for namespace in fetched[AWSCall("servicediscovery", "list-namespaces")]?["Namespaces"].array ?? [] {
            guard let id = namespace["Id"].string, let name = namespace["Name"].string else { continue }
            let type = namespace["Type"].string == "HTTP" ? "AWS::ServiceDiscovery::HttpNamespace" : "AWS::ServiceDiscovery::PrivateDnsNamespace"
            guard namespace["Type"].string != "DNS_PUBLIC" else { continue }
            b.add(id, type, ["Name": .string(name)], name: name, identifiers: [namespace["Arn"].string ?? "", name])
        }
        for service in fetched[AWSCall("servicediscovery", "list-services")]?["Services"].array ?? [] {
            guard let id = service["Id"].string else { continue }
            var properties: [String: IaCValue] = ["Name": .string(service["Name"].string ?? id)]
            if let namespace = service["NamespaceId"].string ?? service["DnsConfig"]["NamespaceId"].string { properties["NamespaceId"] = b.ref(namespace) }
            b.add(id, "AWS::ServiceDiscovery::Service", properties, name: service["Name"].string ?? id, identifiers: [service["Arn"].string ?? ""])
        }
        for group in fetched[AWSCall("logs", "describe-log-groups")]?["logGroups"].array ?? [] {
            guard let name = group["logGroupName"].string else { continue }
            // Lambda writes to `/aws/lambda/NAME`: the name says whose group it is.
            let function = name.hasPrefix("/aws/lambda/") ? [IaCReference(key: String(name.dropFirst("/aws/lambda/".count)))] : []
            b.add(b.arn("logs", "log-group:\(name)"), "AWS::Logs::LogGroup", ["LogGroupName": .text(name, references: function)], name: name,
                  identifiers: [name, group["arn"].string ?? ""])
        }
        for repository in fetched[AWSCall("ecr", "describe-repositories")]?["repositories"].array ?? [] {
            guard let arn = repository["repositoryArn"].string, let name = repository["repositoryName"].string else { continue }
            b.add(arn, "AWS::ECR::Repository", ["RepositoryName": .string(name)], name: name,
                  identifiers: [repository["repositoryUri"].string ?? "", name])
        }
    }

    func containerServiceCalls(_ fetched: Fetched) -> [AWSCall] {
        let clusters = fetched[AWSCall("ecs", "list-clusters")]?["clusterArns"].strings ?? []
        var calls = clusters.map { AWSCall("ecs", "list-services", ["--cluster", $0]) }
        // ListServices need not say a service's namespace (AWS deprecated DnsConfig.NamespaceId;
        // moto gives neither): GetService does.
        for service in fetched[AWSCall("servicediscovery", "list-services")]?["Services"].array ?? []
        where service["NamespaceId"].isNull && service["DnsConfig"]["NamespaceId"].isNull {
            if let id = service["Id"].string { calls.append(AWSCall("servicediscovery", "get-service", ["--id", id])) }
        }
        for batch in stride(from: 0, to: clusters.count, by: 100) {
            calls.append(AWSCall("ecs", "describe-clusters", ["--include", "TAGS", "--clusters"] + clusters[batch..<min(batch + 100, clusters.count)]))
        }
        return calls
    }

    /// The namespaces GetService gave (second round).
    func readServiceNamespaces(_ fetched: Fetched) {
        for (call, answer) in fetched where call.service == "servicediscovery" && call.operation == "get-service" {
            guard let id = answer["Service"]["Id"].string, let namespace = answer["Service"]["NamespaceId"].string else { continue }
            builder.amend(id) { $0["NamespaceId"] = self.builder.ref(namespace) }
        }
    }

    /// `describe-services` takes ten services at a time.
    func describeServiceCalls(_ fetched: Fetched) -> [AWSCall] {
        let b = builder
        var calls: [AWSCall] = []
        for (call, answer) in fetched.sorted(by: { $0.key.arguments.lexicographicallyPrecedes($1.key.arguments) }) where call.service == "ecs" {
            if call.operation == "describe-clusters" {
                for cluster in answer["clusters"].array {
                    guard let arn = cluster["clusterArn"].string, let name = cluster["clusterName"].string else { continue }
                    b.add(arn, "AWS::ECS::Cluster", ["ClusterName": .string(name)], name: name, identifiers: [name], tags: Self.ecsTags(cluster))
                }
            } else if call.operation == "list-services", let cluster = call.arguments.last {
                let services = answer["serviceArns"].strings
                for batch in stride(from: 0, to: services.count, by: 10) {
                    calls.append(AWSCall("ecs", "describe-services", ["--cluster", cluster, "--include", "TAGS", "--services"] + services[batch..<min(batch + 10, services.count)]))
                }
            }
        }
        return calls
    }

    static func ecsTags(_ item: AWSJSON) -> [(String, String)]? {
        let tags = item["tags"].array.compactMap { tag in tag["key"].string.map { ($0, tag["value"].string ?? "") } }
        return tags.isEmpty ? nil : tags
    }

    /// The services, and the task definitions they run (read in the next round).
    func readServices(_ fetched: Fetched) -> [String] {
        let b = builder
        var taskDefinitions: [String] = []
        for (call, answer) in fetched where call.operation == "describe-services" {
            for service in answer["services"].array where service["status"].string != "INACTIVE" {
                guard let arn = service["serviceArn"].string, let name = service["serviceName"].string else { continue }
                var properties: [String: IaCValue] = ["ServiceName": .string(name), "Cluster": b.ref(service["clusterArn"].string) ?? .null]
                if let launch = service["launchType"].string { properties["LaunchType"] = .string(launch) }
                let strategy = service["capacityProviderStrategy"].array.map { IaCValue.map([IaCEntry(key: "CapacityProvider", value: .string($0["capacityProvider"].string ?? ""))]) }
                if !strategy.isEmpty { properties["CapacityProviderStrategy"] = .list(strategy) }
                if let desired = service["desiredCount"].int { properties["DesiredCount"] = .number(Double(desired)) }
                if let task = service["taskDefinition"].string {
                    properties["TaskDefinition"] = b.ref(task)
                    taskDefinitions.append(task)
                }
                properties["EnableExecuteCommand"] = .bool(service["enableExecuteCommand"].bool ?? false)
                let network = service["networkConfiguration"]["awsvpcConfiguration"]
                if !network.isNull {
                    properties["NetworkConfiguration"] = .map([IaCEntry(key: "AwsvpcConfiguration", value: .map([
                        IaCEntry(key: "Subnets", value: b.refs(network["subnets"].strings)),
                        IaCEntry(key: "SecurityGroups", value: b.refs(network["securityGroups"].strings)),
                    ]))])
                }
                properties["LoadBalancers"] = .list(service["loadBalancers"].array.map { entry in
                    var entries: [IaCEntry] = []
                    if let group = b.ref(entry["targetGroupArn"].string) { entries.append(IaCEntry(key: "TargetGroupArn", value: group)) }
                    if let container = entry["containerName"].string { entries.append(IaCEntry(key: "ContainerName", value: .string(container))) }
                    if let port = entry["containerPort"].int { entries.append(IaCEntry(key: "ContainerPort", value: .number(Double(port)))) }
                    return .map(entries)
                })
                properties["ServiceRegistries"] = .list(service["serviceRegistries"].array.compactMap { entry in
                    b.ref(entry["registryArn"].string).map { .map([IaCEntry(key: "RegistryArn", value: $0)]) }
                })
                // Service Connect is per deployment; the primary one is what runs.
                let deployment = service["deployments"].array.first { $0["status"].string == "PRIMARY" } ?? service["deployments"].array.first ?? .null
                let connect = deployment["serviceConnectConfiguration"].isNull ? service["serviceConnectConfiguration"] : deployment["serviceConnectConfiguration"]
                if connect["enabled"].bool == true {
                    var entries = [IaCEntry(key: "Enabled", value: .bool(true))]
                    if let namespace = b.ref(connect["namespace"].string) { entries.append(IaCEntry(key: "Namespace", value: namespace)) }
                    let published = connect["services"].array.map { IaCValue.map([IaCEntry(key: "PortName", value: .string($0["portName"].string ?? ""))]) }
                    entries.append(IaCEntry(key: "Services", value: .list(published)))
                    properties["ServiceConnectConfiguration"] = .map(entries)
                }
                let cluster = service["clusterArn"].string?.split(separator: "/").last.map(String.init) ?? ""
                b.add(arn, "AWS::ECS::Service", properties, name: name, identifiers: ["service/\(cluster)/\(name)"], tags: Self.ecsTags(service))
            }
        }
        return taskDefinitions
    }

    func taskDefinitionCalls(_ taskDefinitions: [String]) -> [AWSCall] {
        Array(Set(taskDefinitions)).sorted().map { AWSCall("ecs", "describe-task-definition", ["--task-definition", $0]) }
    }

    func readTaskDefinitions(_ fetched: Fetched) {
        let b = builder
        for (_, answer) in fetched {
            let task = answer["taskDefinition"]
            guard let arn = task["taskDefinitionArn"].string else { continue }
            let containers: [IaCValue] = task["containerDefinitions"].array.map { container in
                var entries = [IaCEntry(key: "Name", value: .string(container["name"].string ?? ""))]
                if let image = container["image"].string {
                    // `ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME:TAG` names a repository of the account.
                    let repository = image.split(separator: ":").first.map(String.init) ?? image
                    entries.append(IaCEntry(key: "Image", value: .text(image, references: [IaCReference(key: repository)])))
                }
                let ports = container["portMappings"].array.compactMap { $0["containerPort"].int }
                if !ports.isEmpty { entries.append(IaCEntry(key: "PortMappings", value: .list(ports.map { .map([IaCEntry(key: "ContainerPort", value: .number(Double($0)))]) }))) }
                if let group = container["logConfiguration"]["options"]["awslogs-group"].string {
                    entries.append(IaCEntry(key: "LogConfiguration", value: .map([IaCEntry(key: "Options", value: .map([IaCEntry(key: "awslogs-group", value: b.id(group))]))])))
                }
                return .map(entries)
            }
            b.add(arn, "AWS::ECS::TaskDefinition", ["ContainerDefinitions": .list(containers)], name: arn.split(separator: "/").last.map(String.init) ?? arn)
        }
    }

    func readScaling(_ fetched: Fetched) {
        let b = builder
        for target in fetched[AWSCall("application-autoscaling", "describe-scalable-targets", ["--service-namespace", "ecs"])]?["ScalableTargets"].array ?? [] {
            guard let resource = target["ResourceId"].string else { continue }
            var properties: [String: IaCValue] = ["ResourceId": b.id(resource)]
            if let value = target["MinCapacity"].int { properties["MinCapacity"] = .number(Double(value)) }
            if let value = target["MaxCapacity"].int { properties["MaxCapacity"] = .number(Double(value)) }
            b.add("scalable-target:\(resource)", "AWS::ApplicationAutoScaling::ScalableTarget", properties, name: resource, identifiers: [target["ScalableTargetARN"].string ?? ""])
        }
        for policy in fetched[AWSCall("application-autoscaling", "describe-scaling-policies", ["--service-namespace", "ecs"])]?["ScalingPolicies"].array ?? [] {
            guard let arn = policy["PolicyARN"].string, let resource = policy["ResourceId"].string else { continue }
            var properties: [String: IaCValue] = ["ScalingTargetId": b.id("scalable-target:\(resource)")]
            if let metric = policy["TargetTrackingScalingPolicyConfiguration"]["PredefinedMetricSpecification"]["PredefinedMetricType"].string {
                properties["TargetTrackingScalingPolicyConfiguration"] = .map([IaCEntry(key: "PredefinedMetricSpecification", value: .map([IaCEntry(key: "PredefinedMetricType", value: .string(metric))]))])
            }
            b.add(arn, "AWS::ApplicationAutoScaling::ScalingPolicy", properties, name: policy["PolicyName"].string ?? arn)
        }
    }
}
