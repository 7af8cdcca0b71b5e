import TopographModel

/// ECS on EC2: a service's launch type from its own `LaunchType`, its capacity provider
/// strategy, or its cluster's default strategy (AWS's default without any is EC2); the Auto
/// Scaling groups that host a cluster's tasks (its capacity providers' groups, and groups
/// whose instances join it through the cluster name in their user data); an Auto Scaling
/// group's instance type from its launch template or launch configuration.
extension ImportBuilder {
    func launchType(of service: IaCResource) -> String? {
        if let launch = service["LaunchType"]?.literal?.uppercased() {
            return launch == "FARGATE" ? "fargate" : launch == "EC2" ? "ec2" : nil
        }
        var strategy = service["CapacityProviderStrategy"]?.list ?? []
        if strategy.isEmpty { strategy = defaultStrategy(ofClusters: service["Cluster"]?.referencedKeys ?? []) }
        guard let provider = strategy.first?["CapacityProvider"] else {
            // No launch type and no strategy anywhere: ECS places the tasks on EC2 instances.
            return effectiveDefaults && !(service["Cluster"]?.referencedKeys.isEmpty ?? true) ? "ec2" : nil
        }
        if let name = provider.literal { return name.uppercased().hasPrefix("FARGATE") ? "fargate" : "ec2" }
        return provider.referencedKeys.contains { byKey[$0]?.type == "AWS::ECS::CapacityProvider" } ? "ec2" : nil
    }

    func defaultStrategy(ofClusters clusters: [String]) -> [IaCValue] {
        for cluster in clusters {
            if let strategy = byKey[cluster]?["DefaultCapacityProviderStrategy"]?.list, !strategy.isEmpty { return strategy }
            for association in referrers("AWS::ECS::ClusterCapacityProviderAssociations", "Cluster", to: cluster) {
                if let strategy = association["DefaultCapacityProviderStrategy"]?.list, !strategy.isEmpty { return strategy }
            }
        }
        return []
    }

    /// The Auto Scaling groups whose instances run the cluster's tasks.
    func hosts(ofCluster cluster: String) -> [String] {
        var providers = byKey[cluster]?["CapacityProviders"]?.referencedKeys ?? []
        for association in referrers("AWS::ECS::ClusterCapacityProviderAssociations", "Cluster", to: cluster) {
            providers += association["CapacityProviders"]?.referencedKeys ?? []
        }
        var groups = providers.compactMap { byKey[$0] }.flatMap { $0["AutoScalingGroupProvider"]?["AutoScalingGroupArn"]?.referencedKeys ?? [] }
        for group in byType["AWS::AutoScaling::AutoScalingGroup"] ?? [] where launchSettings(of: group).contains(where: { settings in
            (settings["UserData"]?.referencedKeys ?? []).contains(cluster)
        }) {
            groups.append(group.key)
        }
        var seen: Set<String> = []
        return groups.filter { kindByKey[$0] != nil && seen.insert($0).inserted }
    }

    /// The launch template data (or launch configuration) an Auto Scaling group starts instances from.
    func launchSettings(of group: IaCResource) -> [IaCValue] {
        let specifications = [group["LaunchTemplate"], group["MixedInstancesPolicy"]?["LaunchTemplate"]?["LaunchTemplateSpecification"]].compactMap { $0 }
        var settings: [IaCValue] = []
        for specification in specifications {
            let keys = (specification["LaunchTemplateId"]?.referencedKeys ?? []) + (specification["LaunchTemplateName"]?.referencedKeys ?? [])
            settings += keys.compactMap { byKey[$0]?["LaunchTemplateData"] }
        }
        for key in group["LaunchConfigurationName"]?.referencedKeys ?? [] {
            if let configuration = byKey[key] { settings.append(.map(configuration.properties.sorted { $0.key < $1.key }.map { IaCEntry(key: $0.key, value: $0.value) })) }
        }
        return settings
    }

    /// An Auto Scaling group's instance type: the mixed-instances override when there is one, else its launch template's or configuration's.
    func instanceType(ofGroup group: IaCResource) -> String? {
        let overrides = group["MixedInstancesPolicy"]?["LaunchTemplate"]?["Overrides"]?.list.compactMap { $0["InstanceType"]?.literal } ?? []
        if overrides.count == 1 { return overrides[0] }
        if overrides.count > 1 { return nil }
        return launchSettings(of: group).lazy.compactMap { $0["InstanceType"]?.literal }.first
    }
}
