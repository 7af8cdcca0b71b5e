import TopographModel

/// Classic load balancers, Kinesis streams and Firehose delivery streams, MSK clusters,
/// Amazon MQ brokers, OpenSearch domains and collections, MemoryDB clusters, AppSync APIs
/// and Batch compute environments.
extension AWSAccountReader {
    static let streamCalls: [AWSCall] = [
        AWSCall("elb", "describe-load-balancers"), AWSCall("firehose", "list-delivery-streams"), AWSCall("kafka", "list-clusters-v2"),
        AWSCall("mq", "list-brokers"), AWSCall("opensearch", "list-domain-names"), AWSCall("opensearchserverless", "list-collections"),
        AWSCall("memorydb", "describe-clusters"), AWSCall("appsync", "list-graphql-apis"), AWSCall("batch", "describe-compute-environments"),
    ]

    func readStreams(_ fetched: Fetched) {
        let b = builder
        for balancer in fetched[AWSCall("elb", "describe-load-balancers")]?["LoadBalancerDescriptions"].array ?? [] {
            guard let name = balancer["LoadBalancerName"].string, !skippedVPCs.contains(balancer["VPCId"].string ?? "") else { continue }
            let listeners = balancer["ListenerDescriptions"].array.map { $0["Listener"] }.map { listener in
                IaCValue.map([IaCEntry(key: "LoadBalancerPort", value: .number(Double(listener["LoadBalancerPort"].int ?? 0))),
                              IaCEntry(key: "Protocol", value: .string(listener["Protocol"].string ?? ""))])
            }
            var properties: [String: IaCValue] = [
                "LoadBalancerName": .string(name), "Scheme": .string(balancer["Scheme"].string ?? "internet-facing"), "Listeners": .list(listeners),
                "Subnets": b.refs(balancer["Subnets"].strings), "SecurityGroups": b.refs(balancer["SecurityGroups"].strings),
                "Instances": b.refs(balancer["Instances"].array.compactMap { $0["InstanceId"].string }),
            ]
            if let target = balancer["HealthCheck"]["Target"].string { properties["HealthCheck"] = .map([IaCEntry(key: "Target", value: .string(target))]) }
            b.add(b.arn("elasticloadbalancing", "loadbalancer/\(name)"), "AWS::ElasticLoadBalancing::LoadBalancer", properties, name: name,
                  identifiers: [name, balancer["DNSName"].string?.lowercased() ?? ""])
        }
        for cluster in fetched[AWSCall("kafka", "list-clusters-v2")]?["ClusterInfoList"].array ?? [] {
            guard let arn = cluster["ClusterArn"].string, let name = cluster["ClusterName"].string else { continue }
            let provisioned = cluster["Provisioned"]
            var properties: [String: IaCValue] = ["ClusterName": .string(name)]
            if let version = provisioned["CurrentBrokerSoftwareInfo"]["KafkaVersion"].string { properties["KafkaVersion"] = .string(version) }
            if let brokers = provisioned["NumberOfBrokerNodes"].int { properties["NumberOfBrokerNodes"] = .number(Double(brokers)) }
            let nodes = provisioned["BrokerNodeGroupInfo"]
            properties["BrokerNodeGroupInfo"] = .map([
                IaCEntry(key: "InstanceType", value: nodes["InstanceType"].string.map { .string($0) } ?? .null),
                IaCEntry(key: "ClientSubnets", value: b.refs(nodes["ClientSubnets"].strings)), IaCEntry(key: "SecurityGroups", value: b.refs(nodes["SecurityGroups"].strings)),
            ])
            b.add(arn, cluster["ClusterType"].string == "SERVERLESS" ? "AWS::MSK::ServerlessCluster" : "AWS::MSK::Cluster", properties, name: name, identifiers: [name])
        }
        for broker in fetched[AWSCall("mq", "list-brokers")]?["BrokerSummaries"].array ?? [] {
            guard let arn = broker["BrokerArn"].string, let name = broker["BrokerName"].string else { continue }
            var properties: [String: IaCValue] = ["BrokerName": .string(name)]
            for key in ["EngineType", "DeploymentMode", "HostInstanceType"] where broker[key].string != nil { properties[key] = .string(broker[key].string ?? "") }
            b.add(arn, "AWS::AmazonMQ::Broker", properties, name: name, identifiers: [name, broker["BrokerId"].string ?? ""])
        }
        for collection in fetched[AWSCall("opensearchserverless", "list-collections")]?["collectionSummaries"].array ?? [] {
            guard let arn = collection["arn"].string, let name = collection["name"].string else { continue }
            b.add(arn, "AWS::OpenSearchServerless::Collection", ["Name": .string(name)], name: name, identifiers: [name, collection["id"].string ?? ""])
        }
        for cluster in fetched[AWSCall("memorydb", "describe-clusters")]?["Clusters"].array ?? [] {
            guard let arn = cluster["ARN"].string, let name = cluster["Name"].string else { continue }
            var properties: [String: IaCValue] = ["ClusterName": .string(name), "SecurityGroupIds": b.refs(cluster["SecurityGroups"].array.compactMap { $0["SecurityGroupId"].string })]
            for key in ["NodeType", "Engine", "ACLName"] where cluster[key].string != nil { properties[key] = .string(cluster[key].string ?? "") }
            if let shards = cluster["NumberOfShards"].int { properties["NumShards"] = .number(Double(shards)) }
            if let tls = cluster["TLSEnabled"].bool { properties["TLSEnabled"] = .bool(tls) }
            b.add(arn, "AWS::MemoryDB::Cluster", properties, name: name, identifiers: [name])
        }
        for api in fetched[AWSCall("appsync", "list-graphql-apis")]?["graphqlApis"].array ?? [] {
            guard let arn = api["arn"].string, let name = api["name"].string else { continue }
            var properties: [String: IaCValue] = ["Name": .string(name)]
            if let auth = api["authenticationType"].string { properties["AuthenticationType"] = .string(auth) }
            if let xray = api["xrayEnabled"].bool { properties["XrayEnabled"] = .bool(xray) }
            if let visibility = api["visibility"].string { properties["Visibility"] = .string(visibility) }
            b.add(arn, "AWS::AppSync::GraphQLApi", properties, name: name, identifiers: [name, api["apiId"].string ?? ""])
        }
        for environment in fetched[AWSCall("batch", "describe-compute-environments")]?["computeEnvironments"].array ?? [] {
            guard let arn = environment["computeEnvironmentArn"].string, let name = environment["computeEnvironmentName"].string else { continue }
            let compute = environment["computeResources"]
            var entries: [IaCEntry] = [IaCEntry(key: "Subnets", value: b.refs(compute["subnets"].strings)), IaCEntry(key: "SecurityGroupIds", value: b.refs(compute["securityGroupIds"].strings))]
            if let type = compute["type"].string { entries.append(IaCEntry(key: "Type", value: .string(type))) }
            for (key, property) in [("minvCpus", "MinvCpus"), ("maxvCpus", "MaxvCpus")] {
                if let value = compute[key].int { entries.append(IaCEntry(key: property, value: .number(Double(value)))) }
            }
            let types = compute["instanceTypes"].strings
            if !types.isEmpty { entries.append(IaCEntry(key: "InstanceTypes", value: .list(types.map { .string($0) }))) }
            b.add(arn, "AWS::Batch::ComputeEnvironment", ["ComputeEnvironmentName": .string(name), "ComputeResources": .map(entries)], name: name, identifiers: [name])
        }
    }

    /// Second round: each classic load balancer's attributes, stream's summary, delivery
    /// stream's description, file system's mount targets; OpenSearch domains, five at a time.
    func streamDetailCalls(_ fetched: Fetched) -> [AWSCall] {
        let balancers = (fetched[AWSCall("elb", "describe-load-balancers")]?["LoadBalancerDescriptions"].array ?? []).compactMap { $0["LoadBalancerName"].string }
        let streams = fetched[AWSCall("kinesis", "list-streams")]?["StreamNames"].strings ?? []
        let deliveries = fetched[AWSCall("firehose", "list-delivery-streams")]?["DeliveryStreamNames"].strings ?? []
        let systems = (fetched[AWSCall("efs", "describe-file-systems")]?["FileSystems"].array ?? []).compactMap { $0["FileSystemId"].string }
        let domains = (fetched[AWSCall("opensearch", "list-domain-names")]?["DomainNames"].array ?? []).compactMap { $0["DomainName"].string }
        return balancers.sorted().map { AWSCall("elb", "describe-load-balancer-attributes", ["--load-balancer-name", $0]) }
            + streams.sorted().map { AWSCall("kinesis", "describe-stream-summary", ["--stream-name", $0]) }
            + deliveries.sorted().map { AWSCall("firehose", "describe-delivery-stream", ["--delivery-stream-name", $0]) }
            + systems.sorted().map { AWSCall("efs", "describe-mount-targets", ["--file-system-id", $0]) }
            + stride(from: 0, to: domains.count, by: 5).map { AWSCall("opensearch", "describe-domains", ["--domain-names"] + domains.sorted()[$0..<min($0 + 5, domains.count)]) }
    }
}
