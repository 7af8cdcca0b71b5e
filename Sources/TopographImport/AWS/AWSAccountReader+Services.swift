import TopographModel

/// The kinds of messaging, orchestration, streaming, storage, security, monitoring and
/// compute fleets: Step Functions state machines, Kinesis streams, EFS file systems, KMS
/// keys (by alias), Secrets Manager secrets, CloudWatch alarms, EC2 Auto Scaling groups,
/// EKS clusters and their node groups.
extension AWSAccountReader {
    static let serviceCalls: [AWSCall] = [
        AWSCall("stepfunctions", "list-state-machines"), AWSCall("kinesis", "list-streams"), AWSCall("efs", "describe-file-systems"),
        AWSCall("kms", "list-aliases"), AWSCall("secretsmanager", "list-secrets"), AWSCall("cloudwatch", "describe-alarms"),
        AWSCall("autoscaling", "describe-auto-scaling-groups"), AWSCall("eks", "list-clusters"),
    ]

    func readServices(lists fetched: Fetched) {
        let b = builder
        for machine in fetched[AWSCall("stepfunctions", "list-state-machines")]?["stateMachines"].array ?? [] {
            guard let arn = machine["stateMachineArn"].string, let name = machine["name"].string else { continue }
            var properties: [String: IaCValue] = ["StateMachineName": .string(name)]
            if let type = machine["type"].string { properties["StateMachineType"] = .string(type) }
            b.add(arn, "AWS::StepFunctions::StateMachine", properties, name: name, identifiers: [name])
        }
        for name in fetched[AWSCall("kinesis", "list-streams")]?["StreamNames"].strings ?? [] {
            let arn = b.arn("kinesis", "stream/\(name)")
            b.add(arn, "AWS::Kinesis::Stream", ["Name": .string(name)], name: name, identifiers: [name])
        }
        for system in fetched[AWSCall("efs", "describe-file-systems")]?["FileSystems"].array ?? [] {
            guard let id = system["FileSystemId"].string else { continue }
            let name = system["Name"].string ?? id
            b.add(system["FileSystemArn"].string ?? b.arn("elasticfilesystem", "file-system/\(id)"), "AWS::EFS::FileSystem", [
                "FileSystemTags": .list(system["Tags"].array.compactMap { tag in
                    tag["Key"].string.map { .map([IaCEntry(key: "Key", value: .string($0)), IaCEntry(key: "Value", value: .string(tag["Value"].string ?? ""))]) }
                }),
                "Encrypted": .bool(system["Encrypted"].bool ?? false),
            ], name: name, identifiers: [id], tags: system["Tags"].array.compactMap { tag in tag["Key"].string.map { ($0, tag["Value"].string ?? "") } })
        }
        // A key is what people name by its alias; keys without one (AWS-managed) are not read.
        for alias in fetched[AWSCall("kms", "list-aliases")]?["Aliases"].array ?? [] {
            guard let name = alias["AliasName"].string, !name.hasPrefix("alias/aws/"), let key = alias["TargetKeyId"].string else { continue }
            b.add(b.arn("kms", "key/\(key)"), "AWS::KMS::Key", ["Alias": .string(name)], name: String(name.dropFirst("alias/".count)),
                  identifiers: [key, name, alias["AliasArn"].string ?? ""])
        }
        for secret in fetched[AWSCall("secretsmanager", "list-secrets")]?["SecretList"].array ?? [] {
            guard let arn = secret["ARN"].string, let name = secret["Name"].string else { continue }
            var properties: [String: IaCValue] = ["Name": .string(name)]
            if let key = secret["KmsKeyId"].string { properties["KmsKeyId"] = b.ref(key) }
            b.add(arn, "AWS::SecretsManager::Secret", properties, name: name, identifiers: [name])
        }
        readAlarms(fetched)
        readFleets(fetched)
    }

    func readAlarms(_ fetched: Fetched) {
        let b = builder
        for alarm in fetched[AWSCall("cloudwatch", "describe-alarms")]?["MetricAlarms"].array ?? [] {
            guard let name = alarm["AlarmName"].string else { continue }
            var properties: [String: IaCValue] = ["AlarmName": .string(name)]
            for key in ["MetricName", "Namespace", "Statistic", "ComparisonOperator", "TreatMissingData"] {
                if let value = alarm[key].string { properties[key] = .string(value) }
            }
            if case .number(let threshold) = alarm["Threshold"] { properties["Threshold"] = .number(threshold) }
            for key in ["Period", "EvaluationPeriods"] {
                if let value = alarm[key].int { properties[key] = .number(Double(value)) }
            }
            properties["AlarmActions"] = .list(alarm["AlarmActions"].strings.compactMap { b.text($0) })
            properties["Dimensions"] = .list(alarm["Dimensions"].array.map { dimension in
                .map([IaCEntry(key: "Name", value: .string(dimension["Name"].string ?? "")), IaCEntry(key: "Value", value: b.text(dimension["Value"].string) ?? .null)])
            })
            b.add(alarm["AlarmArn"].string ?? b.arn("cloudwatch", "alarm:\(name)"), "AWS::CloudWatch::Alarm", properties, name: name, identifiers: [name])
        }
    }

    func readFleets(_ fetched: Fetched) {
        let b = builder
        for group in fetched[AWSCall("autoscaling", "describe-auto-scaling-groups")]?["AutoScalingGroups"].array ?? [] {
            guard let name = group["AutoScalingGroupName"].string else { continue }
            var properties: [String: IaCValue] = [
                "AutoScalingGroupName": .string(name),
                "VPCZoneIdentifier": b.refs((group["VPCZoneIdentifier"].string ?? "").split(separator: ",").map { String($0) }),
                "TargetGroupARNs": b.refs(group["TargetGroupARNs"].strings), "LoadBalancerNames": b.refs(group["LoadBalancerNames"].strings),
            ]
            for (key, property) in [("MinSize", "MinSize"), ("MaxSize", "MaxSize"), ("DesiredCapacity", "DesiredCapacity")] {
                if let value = group[key].int { properties[property] = .number(Double(value)) }
            }
            // The launch template says the type; the instances it launched say it too (and their groups).
            let launched = fleetInstances[name]
            if let type = group["Instances"].array.first?["InstanceType"].string ?? launched?.types.first { properties["InstanceType"] = .string(type) }
            if let groups = launched?.groups, !groups.isEmpty { properties["SecurityGroups"] = b.refs(Array(Set(groups)).sorted()) }
            if let template = group["LaunchTemplate"]["LaunchTemplateName"].string ?? group["MixedInstancesPolicy"]["LaunchTemplate"]["LaunchTemplateSpecification"]["LaunchTemplateName"].string {
                properties["LaunchTemplate"] = .map([IaCEntry(key: "LaunchTemplateName", value: .string(template))])
            }
            if let type = group["HealthCheckType"].string { properties["HealthCheckType"] = .string(type) }
            if let grace = group["HealthCheckGracePeriod"].int { properties["HealthCheckGracePeriod"] = .number(Double(grace)) }
            b.add(group["AutoScalingGroupARN"].string ?? "asg:\(name)", "AWS::AutoScaling::AutoScalingGroup", properties, name: name, identifiers: [name])
        }
    }

    /// Each EKS cluster's description and node groups (second round).
    func clusterDetailCalls(_ fetched: Fetched) -> [AWSCall] {
        (fetched[AWSCall("eks", "list-clusters")]?["clusters"].strings ?? []).flatMap { name in
            [AWSCall("eks", "describe-cluster", ["--name", name]), AWSCall("eks", "list-nodegroups", ["--cluster-name", name])]
        }
    }

    /// Each node group's description (third round).
    func nodegroupCalls(_ fetched: Fetched) -> [AWSCall] {
        fetched.filter { $0.key.operation == "list-nodegroups" }.sorted { $0.key.description < $1.key.description }.flatMap { call, answer in
            answer["nodegroups"].strings.map { AWSCall("eks", "describe-nodegroup", ["--cluster-name", call.arguments.last ?? "", "--nodegroup-name", $0]) }
        }
    }

    func readClusters(_ fetched: Fetched) {
        let b = builder
        for (call, answer) in fetched where call.service == "eks" && call.operation == "describe-cluster" {
            let cluster = answer["cluster"]
            guard let name = cluster["name"].string else { continue }
            let vpc = cluster["resourcesVpcConfig"]
            var access = [IaCEntry(key: "SubnetIds", value: b.refs(vpc["subnetIds"].strings)),
                          IaCEntry(key: "SecurityGroupIds", value: b.refs(vpc["securityGroupIds"].strings))]
            // Who reaches the API server: from the internet (and from where), from inside the VPC.
            for (key, value) in [("EndpointPublicAccess", vpc["endpointPublicAccess"].bool), ("EndpointPrivateAccess", vpc["endpointPrivateAccess"].bool)] {
                if let value { access.append(IaCEntry(key: key, value: .bool(value))) }
            }
            if !vpc["publicAccessCidrs"].strings.isEmpty { access.append(IaCEntry(key: "PublicAccessCidrs", value: .list(vpc["publicAccessCidrs"].strings.map { .string($0) }))) }
            var properties: [String: IaCValue] = ["Name": .string(name), "ResourcesVpcConfig": .map(access)]
            if let version = cluster["version"].string { properties["Version"] = .string(version) }
            b.add(cluster["arn"].string ?? b.arn("eks", "cluster/\(name)"), "AWS::EKS::Cluster", properties, name: name, identifiers: ["eks-cluster:\(name)", name])
        }
        for (call, answer) in fetched where call.service == "eks" && call.operation == "describe-nodegroup" {
            let group = answer["nodegroup"]
            guard let name = group["nodegroupName"].string, let cluster = group["clusterName"].string else { continue }
            var properties: [String: IaCValue] = [
                "NodegroupName": .string(name), "ClusterName": b.id("eks-cluster:\(cluster)"), "Subnets": b.refs(group["subnets"].strings),
                "InstanceTypes": .list(group["instanceTypes"].strings.map { .string($0) }),
            ]
            let scaling = group["scalingConfig"]
            var entries: [IaCEntry] = []
            for key in ["minSize", "maxSize", "desiredSize"] {
                if let value = scaling[key].int { entries.append(IaCEntry(key: key.prefix(1).uppercased() + key.dropFirst(), value: .number(Double(value)))) }
            }
            if !entries.isEmpty { properties["ScalingConfig"] = .map(entries) }
            if let capacity = group["capacityType"].string { properties["CapacityType"] = .string(capacity) }
            b.add(group["nodegroupArn"].string ?? b.arn("eks", "nodegroup/\(cluster)/\(name)"), "AWS::EKS::Nodegroup", properties, name: name, identifiers: [name])
        }
    }
}
