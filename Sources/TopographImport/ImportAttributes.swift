import TopographModel
import TopographInput
import TopographDiff
/// The attributes a template says, per kind. Only literal values (or text whose unknown
/// parts are placeholders, such as an image URI with `<aws_account_id>`) are written.
extension ImportBuilder {
    func attributes(of resource: IaCResource, kind: String) -> [(String, AttributeValue)] {
        var result: [(String, AttributeValue)] = []
        func put(_ name: String, _ value: AttributeValue?) { if let value { result.append((name, value)) } }
        func text(_ property: String) -> AttributeValue? { resource[property]?.text.map { .string($0) } }
        func literal(_ property: String) -> AttributeValue? { resource[property]?.literal.map { .string($0) } }
        func flag(_ property: String, default fallback: Bool? = nil) -> AttributeValue? {
            if let value = resource[property]?.bool { return .bool(value) }
            return effectiveDefaults ? fallback.map { .bool($0) } : nil
        }

        // An instance's Name tag is its name (the console and `aws ec2` filters use it);
        // elsewhere it is what people call the resource.
        if let label = Self.tag("Name", of: resource)?.literal { put(kind == KindID.ec2.rawValue ? "name" : "label", .string(label)) }
        switch kind {
        case KindID.generic.rawValue:
            if let drawing = GenericIaCTypes.drawing(resource.type) {
                put("icon", .string(drawing.icon))
                put("category", .string(drawing.category.rawValue))
            }
        case KindID.vpc.rawValue:
            put("cidr", literal("CidrBlock"))
        case KindID.subnet.rawValue:
            if let zone = resource["AvailabilityZone"]?.literal { put("az", .string(zone)) }
            put("cidr", literal("CidrBlock"))
        case KindID.vpcEndpoint.rawValue:
            if let service = resource["ServiceName"]?.text { put("service", .string(Self.endpointService(service))) }
            let type = resource["VpcEndpointType"]?.literal?.lowercased() ?? (effectiveDefaults ? "gateway" : nil)
            put("endpoint_type", type.map { .string($0) })
            put("private_dns", flag("PrivateDnsEnabled", default: false))
        case KindID.vpcLink.rawValue:
            put("name", text("Name"))
            if resource.type == "AWS::ApiGateway::VpcLink" {
                put("api", .string("rest"))
                let targets = nodeKeys(resource["TargetArns"]).compactMap { idByKey[$0] }
                if !targets.isEmpty { put("targets", .list(targets.map { .string($0) })) }
            } else {
                put("api", .string("http"))
            }
        case KindID.route53.rawValue:
            if let record = resource["Name"]?.text { put("record", .string(record.hasSuffix(".") ? String(record.dropLast()) : record)) }
        case KindID.waf.rawValue:
            put("name", text("Name"))
        case KindID.cognito.rawValue:
            put("name", text("UserPoolName"))
        case KindID.alb.rawValue, KindID.nlb.rawValue:
            put("name", text("Name"))
            put("scheme", .string(resource["Scheme"]?.literal ?? "internet-facing"))
            let listeners = referrers("AWS::ElasticLoadBalancingV2::Listener", "LoadBalancerArn", to: resource.key)
            let ports = listeners.compactMap { $0["Port"]?.int }
            if !ports.isEmpty { put("listeners", .list(Array(Set(ports)).sorted().map { .int($0) })) }
            let groups = listeners.flatMap { targetGroups(ofListener: $0) }
            put("health_check", healthCheck(groups))
            if kind == KindID.nlb.rawValue {
                let attributes = resource["LoadBalancerAttributes"]?.list ?? []
                let crossZone = attributes.first { $0["Key"]?.literal == "load_balancing.cross_zone.enabled" }?["Value"]?.bool
                put("cross_zone", crossZone.map { .bool($0) } ?? (effectiveDefaults ? .bool(false) : nil))
                if let enforce = resource["EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"]?.literal {
                    put("enforce_privatelink_inbound_rules", .bool(enforce == "on"))
                }
            }
        case KindID.httpAPI.rawValue:
            put("name", text("Name"))
            put("endpoint", .string("regional"))  // HTTP APIs are regional only
            httpAPIAttributes(resource, into: &result)
        case KindID.restAPI.rawValue:
            put("name", text("Name"))
            let endpoint = resource["EndpointConfiguration"]?["Types"]?.list.first?.literal?.lowercased()
            put("endpoint", (endpoint ?? (effectiveDefaults ? "edge" : nil)).map { .string($0) })
            restAPIAttributes(resource, into: &result)
        case KindID.ecsCluster.rawValue:
            put("name", text("ClusterName"))
        case KindID.ecsService.rawValue:
            ecsServiceAttributes(resource, into: &result)
        case KindID.lambda.rawValue:
            put("name", text("FunctionName"))
            put("runtime", literal("Runtime"))
            result += lifecycleAttributes(of: resource, kind: kind)
        case KindID.ec2.rawValue:
            put("instance_type", literal("InstanceType") ?? instanceType(ofGroup: resource).map { .string($0) })
        case KindID.autoscaling.rawValue:
            autoscalingAttributes(resource, into: &result)
        case KindID.redis.rawValue:
            put("name", text("ReplicationGroupId") ?? text("ClusterName") ?? text("ServerlessCacheName"))
            if resource.type == "AWS::ElastiCache::ServerlessCache" {
                put("tls", .bool(true))  // serverless caches always encrypt in transit
            } else {
                put("tls", flag("TransitEncryptionEnabled", default: false))
            }
            if let port = resource["Port"]?.int { put("port", .int(port)) }
        case KindID.rds.rawValue:
            put("name", text("DBInstanceIdentifier"))
            put("engine", engine(resource))
            put("public", flag("PubliclyAccessible", default: false))
            put("instance_class", literal("DBInstanceClass"))
        case KindID.aurora.rawValue:
            put("name", text("DBClusterIdentifier"))
            put("engine", engine(resource))
            let members = referrers("AWS::RDS::DBInstance", "DBClusterIdentifier", to: resource.key)
            let publicFlags = members.compactMap { $0["PubliclyAccessible"]?.bool }
            if !publicFlags.isEmpty { put("public", .bool(publicFlags.contains(true))) } else if effectiveDefaults { put("public", .bool(false)) }
            // The members' class when they agree (a writer and readers of one class, the usual case).
            let classes = Set(members.compactMap { $0["DBInstanceClass"]?.literal })
            if classes.count == 1 { put("instance_class", classes.first.map { .string($0) }) }
        case KindID.dynamodb.rawValue:
            put("name", text("TableName"))
        case KindID.s3.rawValue:
            put("name", text("BucketName"))
        case KindID.ecr.rawValue:
            put("name", text("RepositoryName"))
        case KindID.cloudwatch.rawValue:
            put("name", text("LogGroupName"))
        case KindID.cloudMap.rawValue:
            put("namespace", literal("Name"))
        case KindID.generic.rawValue:
            put("category", .string("operations"))
            put("name", text("QueueName") ?? text("TopicName") ?? text("Name"))
        default:
            result += serviceAttributes(of: resource, kind: kind)
        }
        return result
    }

    /// RDS reads engine names case-insensitively (`MySQL` deploys as `mysql`).
    func engine(_ resource: IaCResource) -> AttributeValue? {
        resource["Engine"]?.literal.map { .string($0.lowercased()) }
    }

    /// `com.amazonaws.us-east-1.execute-api` (or with a region placeholder) -> `execute-api`.
    static func endpointService(_ name: String) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 4, parts[0] == "com", parts[1] == "amazonaws" { return parts[3...].joined(separator: ".") }
        return name
    }

    static func tag(_ key: String, of resource: IaCResource) -> IaCValue? {
        let tags = resource["Tags"]
        if case .map(let entries)? = tags { return entries.first { $0.key == key }?.value }
        return tags?.list.first { $0["Key"]?.literal == key }?["Value"]
    }

    func targetGroups(ofListener listener: IaCResource) -> [String] {
        var groups: [String] = []
        let actions = (listener["DefaultActions"]?.list ?? [])
            + referrers("AWS::ElasticLoadBalancingV2::ListenerRule", "ListenerArn", to: listener.key).flatMap { $0["Actions"]?.list ?? [] }
        for action in actions {
            groups += action["TargetGroupArn"]?.referencedKeys ?? []
            groups += (action["ForwardConfig"]?["TargetGroups"]?.list ?? []).flatMap { $0["TargetGroupArn"]?.referencedKeys ?? [] }
        }
        return groups.filter { byKey[$0]?.type == "AWS::ElasticLoadBalancingV2::TargetGroup" }
    }

    /// The health-check path when every target group agrees on one (AWS's default is `/`).
    func healthCheck(_ groups: [String]) -> AttributeValue? {
        let paths = Set(groups.compactMap { byKey[$0] }.compactMap { group -> String? in
            if let path = group["HealthCheckPath"]?.literal { return path }
            let protocolName = (group["HealthCheckProtocol"]?.literal ?? group["Protocol"]?.literal ?? "HTTP").uppercased()
            return effectiveDefaults && protocolName.hasPrefix("HTTP") ? "/" : nil
        })
        return paths.count == 1 ? paths.first.map { .string($0) } : nil
    }

    func ecsServiceAttributes(_ resource: IaCResource, into result: inout [(String, AttributeValue)]) {
        func put(_ name: String, _ value: AttributeValue?) { if let value { result.append((name, value)) } }
        put("name", resource["ServiceName"]?.text.map { .string($0) })
        put("launch", launchType(of: resource).map { .string($0) })
        if let taskKey = resource["TaskDefinition"]?.referencedKeys.first, let task = byKey[taskKey] {
            let containers: [AttributeValue] = (task["ContainerDefinitions"]?.list ?? []).compactMap { container in
                guard let name = container["Name"]?.literal else { return nil }
                var entries = [AttributeValue.Entry(key: "name", value: .string(name))]
                if let image = container["Image"]?.text { entries.append(.init(key: "image", value: .string(image))) }
                if let port = container["PortMappings"]?.list.first?["ContainerPort"]?.int { entries.append(.init(key: "port", value: .int(port))) }
                return .map(entries)
            }
            if !containers.isEmpty { put("containers", .list(containers)) }
        }
        if let desired = resource["DesiredCount"]?.int { put("desired", .int(desired)) }
        if let scaling = referrers("AWS::ApplicationAutoScaling::ScalableTarget", "ResourceId", to: resource.key).first {
            put("min", scaling["MinCapacity"]?.int.map { .int($0) })
            put("max", scaling["MaxCapacity"]?.int.map { .int($0) })
        }
        let connect = resource["ServiceConnectConfiguration"]
        if let connect, connect["Enabled"]?.bool == true {
            put("service_connect", .string((connect["Services"]?.list.isEmpty ?? true) ? "client-only" : "client-server"))
        } else if effectiveDefaults {
            put("service_connect", .string("none"))
        }
        var namespaces = nodeKeys(connect?["Namespace"])
        for registry in resource["ServiceRegistries"]?.list ?? [] {
            for key in registry["RegistryArn"]?.referencedKeys ?? [] { namespaces += nodeKeys(byKey[key]?["NamespaceId"]) }
        }
        if let namespace = namespaces.first(where: { kindByKey[$0] == KindID.cloudMap.rawValue }), let id = idByKey[namespace] { put("discovery", .string(id)) }
        let groups = (resource["LoadBalancers"]?.list ?? []).flatMap { $0["TargetGroupArn"]?.referencedKeys ?? [] }
        put("health_check", healthCheck(groups))
        if let exec = resource["EnableExecuteCommand"]?.bool { put("exec", .bool(exec)) } else if effectiveDefaults { put("exec", .bool(false)) }
    }

    func autoscalingAttributes(_ resource: IaCResource, into result: inout [(String, AttributeValue)]) {
        func put(_ name: String, _ value: AttributeValue?) { if let value { result.append((name, value)) } }
        if let target = nodeKeys(resource["ResourceId"]).first(where: { kindByKey[$0] == KindID.ecsService.rawValue || kindByKey[$0] == KindID.ec2.rawValue }), let id = idByKey[target] {
            put("target", .string(id))
        }
        let policies = referrers("AWS::ApplicationAutoScaling::ScalingPolicy", "ScalingTargetId", to: resource.key)
        let metrics = policies.compactMap { $0["TargetTrackingScalingPolicyConfiguration"]?["PredefinedMetricSpecification"]?["PredefinedMetricType"]?.literal }
        if let metric = metrics.first {
            let names = ["ECSServiceAverageCPUUtilization": "CPUUtilization", "ECSServiceAverageMemoryUtilization": "MemoryUtilization", "ALBRequestCountPerTarget": "RequestCountPerTarget"]
            put("metric", .string(names[metric] ?? metric))
        }
        put("min", resource["MinCapacity"]?.int.map { .int($0) })
        put("max", resource["MaxCapacity"]?.int.map { .int($0) })
    }
}
