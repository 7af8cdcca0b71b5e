import TopographModel

/// Attributes of the classic load balancer, EKS, EFS, KMS, Secrets Manager and WebSocket
/// API kinds (see `serviceAttributes`).
extension ImportBuilder {
    func fleetAttributes(_ c: inout ImportAttributeCollector, kind: String) {
        switch kind {
        case KindID.elbClassic.rawValue:
            c.put("name", c.text("LoadBalancerName"))
            c.put("scheme", .string(c["Scheme"]?.literal ?? "internet-facing"))
            let ports = Array(Set((c["Listeners"]?.list ?? []).compactMap { $0["LoadBalancerPort"]?.int })).sorted()
            if !ports.isEmpty { c.put("listeners", .list(ports.map { .int($0) })) }
            // `HTTP:80/health` checks the path /health; a TCP target checks no path.
            if let target = c["HealthCheck"]?["Target"]?.literal, target.uppercased().hasPrefix("HTTP"), let slash = target.firstIndex(of: "/") {
                c.put("health_check", .string(String(target[slash...])))
            }
            c.put("cross_zone", c.flag(c["CrossZone"]))
            c.put("connection_draining", c.flag(c["ConnectionDrainingPolicy"]?["Enabled"]))
        case KindID.eksCluster.rawValue:
            c.put("name", c.text("Name"))
            c.put("version", c.string(c["Version"]))
            let vpc = c["ResourcesVpcConfig"]
            c.put("endpoint_public", c.flag(vpc?["EndpointPublicAccess"]))
            c.put("endpoint_private", c.flag(vpc?["EndpointPrivateAccess"]))
            c.put("public_cidrs", c.strings(vpc?["PublicAccessCidrs"]))
            c.put("secrets_kms_key", c.id((c["EncryptionConfig"]?.list ?? []).first?["Provider"]?["KeyArn"]))
        case KindID.eksNodegroup.rawValue:
            c.put("name", c.text("NodegroupName"))
            c.put("cluster", c.id(c["ClusterName"]))
            c.put("instance_types", c.strings(c["InstanceTypes"]))
            c.put("capacity", c.string(c["CapacityType"]))
            c.put("ami_type", c.string(c["AmiType"]))
            c.put("disk_size", c.int(c["DiskSize"]))
            c.put("min", c.int(c["ScalingConfig"]?["MinSize"]))
            c.put("max", c.int(c["ScalingConfig"]?["MaxSize"]))
            c.put("desired", c.int(c["ScalingConfig"]?["DesiredSize"]))
        case KindID.efs.rawValue:
            let name = (c["FileSystemTags"]?.list ?? []).first { $0["Key"]?.literal == "Name" }?["Value"]?.text
            c.put("name", name.map { .string($0) })
            c.put("performance_mode", c.string(c["PerformanceMode"]))
            c.put("throughput_mode", c.string(c["ThroughputMode"]))
            c.put("encrypted", c.flag(c["Encrypted"]))
            c.put("kms_key", c.id(c["KmsKeyId"]))
            if c["AvailabilityZoneName"]?.literal != nil { c.put("one_zone", .bool(true)) }
            if let status = c["BackupPolicy"]?["Status"]?.literal { c.put("backup", .bool(status == "ENABLED")) }
        case KindID.kmsKey.rawValue:
            c.put("alias", c.string(c["Alias"]) ?? aliases(of: c.resource.key).first.map { .string($0) })
            c.put("rotation", c.flag(c["EnableKeyRotation"]))
            c.put("usage", c.string(c["KeyUsage"]))
            c.put("multi_region", c.flag(c["MultiRegion"]))
        case KindID.secretsManager.rawValue:
            c.put("name", c.text("Name"))
            c.put("kms_key", c.id(c["KmsKeyId"]))
        case KindID.websocketAPI.rawValue:
            c.put("name", c.text("Name"))
            c.put("route_selection", c.string(c["RouteSelectionExpression"]))
            let routes = referrers("AWS::ApiGatewayV2::Route", "ApiId", to: c.resource.key).compactMap { $0["RouteKey"]?.literal }
            if !routes.isEmpty { c.put("routes", .list(Array(Set(routes)).sorted().map { .string($0) })) }
            let stages = referrers("AWS::ApiGatewayV2::Stage", "ApiId", to: c.resource.key).compactMap { $0["StageName"]?.literal }
            if stages.count == 1 { c.put("stage_name", .string(stages[0])) }
        default:
            // Kinds whose only attribute a template says is the AWS name.
            c.put("name", c.text("QueueName", "TopicName", "StateMachineName", "StreamName", "AlarmName", "NodegroupName", "Name"))
        }
    }

    /// `alias/NAME` of the AWS::KMS::Alias resources that point at a key.
    func aliases(of key: String) -> [String] {
        referrers("AWS::KMS::Alias", "TargetKeyId", to: key).compactMap { $0["AliasName"]?.literal }.sorted()
    }
}
