import TopographModel
import TopographInput
import TopographDiff
/// A connection the template proves, with the property that proves it.
struct ImportedEdge {
    var from: String
    var to: String
    var label: String?
    var port: Int?
    var `protocol`: String?
    var via: String?
    var why: String
}

/// Connections, each from a property that proves the traffic: security-group ingress
/// (source group -> port), listeners and target groups, API integrations and VPC links,
/// private API endpoints, event sources, DNS aliases and CDN origins, task definitions'
/// log groups and images. Nothing is inferred from a mere reference (an environment
/// variable holding a table name proves nothing about traffic).
extension ImportBuilder {
    func connect() {
        // Listeners and integrations first: they say the protocol; ingress rules add ports.
        connectLoadBalancers()
        connectAPIs()
        connectSecurityGroups()
        connectNames()
        connectEventSources()
        connectTasks()
        connectEndpoints()
        connectEventRouting()
    }

    func addEdge(_ from: String, _ to: String, label: String? = nil, port: Int? = nil, protocol: String? = nil, via: String? = nil, why: String) {
        guard from != to, kindByKey[from] != nil, kindByKey[to] != nil else { return }
        if let index = connections.firstIndex(where: { $0.from == from && $0.to == to }) {
            // One edge per pair: the first proof names it, later ones fill in what it lacks.
            connections[index].port = connections[index].port ?? port
            connections[index].protocol = connections[index].protocol ?? `protocol`
            connections[index].via = connections[index].via ?? via
            connections[index].label = connections[index].label ?? label
            return
        }
        connections.append(ImportedEdge(from: from, to: to, label: label, port: port, protocol: `protocol`, via: via, why: why))
    }

    // MARK: - Security groups

    static let securityGroupPaths: [[String]] = [
        ["SecurityGroups"], ["SecurityGroupIds"], ["VPCSecurityGroups"], ["VpcSecurityGroupIds"],
        ["NetworkConfiguration", "AwsvpcConfiguration", "SecurityGroups"], ["VpcConfig", "SecurityGroupIds"],
    ]

    func connectSecurityGroups() {
        var members: [String: [String]] = [:]
        for node in nodes {
            guard let resource = byKey[node.key] else { continue }
            for path in Self.securityGroupPaths {
                var value: IaCValue? = resource[path[0]]
                for step in path.dropFirst() { value = value?[step] }
                for group in value?.referencedKeys ?? [] where byKey[group]?.type == "AWS::EC2::SecurityGroup" {
                    if members[group]?.contains(node.key) != true { members[group, default: []].append(node.key) }
                }
            }
        }
        var rules: [(target: String, rule: IaCValue)] = []
        for group in byType["AWS::EC2::SecurityGroup"] ?? [] {
            for rule in group["SecurityGroupIngress"]?.list ?? [] { rules.append((group.key, rule)) }
        }
        for ingress in byType["AWS::EC2::SecurityGroupIngress"] ?? [] {
            for target in ingress["GroupId"]?.referencedKeys ?? [] { rules.append((target, .map(ingress.properties.map { IaCEntry(key: $0.key, value: $0.value) }))) }
        }
        securityGroupMembers = members
        for (target, rule) in rules {
            let from = rule["FromPort"]?.int
            let to = rule["ToPort"]?.int
            let cidrSource = rule["CidrIp"] != nil || rule["CidrIpv6"] != nil || rule["SourcePrefixListId"] != nil
            ingressRules.append(IngressRule(
                group: target, sourceGroups: rule["SourceSecurityGroupId"]?.referencedKeys ?? [], fromCIDR: cidrSource,
                fromPort: from, toPort: to, allTraffic: rule["IpProtocol"]?.literal == "-1"))
            let port = from != nil && from == to ? from : nil
            let protocolName = rule["IpProtocol"]?.literal.map { $0 == "6" ? "tcp" : $0 == "17" ? "udp" : $0.lowercased() }
            let protocolValue = protocolName == "-1" ? nil : protocolName
            for source in rule["SourceSecurityGroupId"]?.referencedKeys ?? [] {
                for client in members[source] ?? [] {
                    for server in members[target] ?? [] {
                        addEdge(client, server, port: port, protocol: protocolValue, via: serviceConnect(client, server),
                                why: "an ingress rule of the target's security group admits the source's group")
                    }
                }
            }
            let cidr = rule["CidrIp"]?.literal ?? rule["CidrIpv6"]?.literal
            if cidr == "0.0.0.0/0" || cidr == "::/0" {
                for server in members[target] ?? [] where field(server, "scheme")?.stringValue == "internet-facing" {
                    addEdge(internet(), server, port: port, protocol: protocolValue, why: "its security group admits the whole internet")
                }
            }
        }
    }

    /// `service-connect` when the server publishes a Service Connect port in the namespace
    /// the client also joins.
    private func serviceConnect(_ client: String, _ server: String) -> String? {
        guard kindByKey[client] == KindID.ecsService.rawValue, kindByKey[server] == KindID.ecsService.rawValue,
              field(server, "service_connect")?.stringValue == "client-server",
              let clientMode = field(client, "service_connect")?.stringValue, clientMode != "none" else { return nil }
        let clientNamespace = byKey[client]?["ServiceConnectConfiguration"]?["Namespace"]
        let serverNamespace = byKey[server]?["ServiceConnectConfiguration"]?["Namespace"]
        return clientNamespace == serverNamespace || clientNamespace == nil ? "service-connect" : nil
    }

    func internet() -> String {
        let key = "synthetic:internet"
        if synthetic[key] == nil {
            synthetic[key] = (KindID.internet.rawValue, unique("internet"))
            kindByKey[key] = KindID.internet.rawValue
            fields[key] = [("label", .string("Internet"))]
        }
        return key
    }

    // MARK: - Load balancers

    func connectLoadBalancers() {
        for listener in byType["AWS::ElasticLoadBalancingV2::Listener"] ?? [] {
            for balancer in nodeKeys(listener["LoadBalancerArn"]) {
                for groupKey in targetGroups(ofListener: listener) {
                    guard let group = byKey[groupKey] else { continue }
                    let protocolName = group["Protocol"]?.literal?.lowercased()
                    for service in nodes where service.kind == KindID.ecsService.rawValue {
                        for entry in byKey[service.key]?["LoadBalancers"]?.list ?? [] where entry["TargetGroupArn"]?.referencedKeys.contains(groupKey) == true {
                            addEdge(balancer, service.key, port: entry["ContainerPort"]?.int ?? group["Port"]?.int, protocol: protocolName,
                                    why: "the listener forwards to a target group the service registers in")
                        }
                    }
                    for target in group["Targets"]?.list ?? [] {
                        for key in nodeKeys(target["Id"]) {
                            addEdge(balancer, key, port: target["Port"]?.int ?? group["Port"]?.int, protocol: protocolName, why: "a target of the listener's target group")
                        }
                    }
                    for asg in referrers("AWS::AutoScaling::AutoScalingGroup", "TargetGroupARNs", to: groupKey) where kindByKey[asg.key] != nil {
                        addEdge(balancer, asg.key, port: group["Port"]?.int, protocol: protocolName, why: "the group registers in the listener's target group")
                    }
                }
            }
        }
    }

    // MARK: - DNS, CDN

    func connectNames() {
        for record in byType["AWS::Route53::RecordSet"] ?? [] where kindByKey[record.key] != nil {
            for target in nodeKeys(record["AliasTarget"]?["DNSName"]) { addEdge(record.key, target, label: "alias", why: "the record's alias target") }
            for target in nodeKeys(record["ResourceRecords"]) { addEdge(record.key, target, why: "the record's value") }
        }
        for distribution in byType["AWS::CloudFront::Distribution"] ?? [] where kindByKey[distribution.key] != nil {
            for origin in distribution["DistributionConfig"]?["Origins"]?.list ?? [] {
                for target in nodeKeys(origin["DomainName"]) { addEdge(distribution.key, target, label: "origin", why: "an origin of the distribution") }
            }
        }
    }

    // MARK: - Events

    func connectEventSources() {
        for mapping in byType["AWS::Lambda::EventSourceMapping"] ?? [] {
            for function in nodeKeys(mapping["FunctionName"]) {
                for source in nodeKeys(mapping["EventSourceArn"]) { addEdge(source, function, label: "events", why: "an event source mapping") }
            }
        }
        for bucket in byType["AWS::S3::Bucket"] ?? [] where kindByKey[bucket.key] != nil {
            let configuration = bucket["NotificationConfiguration"]
            let targets = (configuration?["LambdaConfigurations"]?.list ?? []).map { $0["Function"] }
                + (configuration?["QueueConfigurations"]?.list ?? []).map { $0["Queue"] }
                + (configuration?["TopicConfigurations"]?.list ?? []).map { $0["Topic"] }
            for target in targets.flatMap({ nodeKeys($0) }) { addEdge(bucket.key, target, label: "events", why: "a bucket notification") }
        }
        for subscription in byType["AWS::SNS::Subscription"] ?? [] {
            for topic in nodeKeys(subscription["TopicArn"]) {
                for target in nodeKeys(subscription["Endpoint"]) { addEdge(topic, target, label: "events", why: "a topic subscription") }
            }
        }
        for topic in byType["AWS::SNS::Topic"] ?? [] where kindByKey[topic.key] != nil {
            for entry in topic["Subscription"]?.list ?? [] {
                for target in nodeKeys(entry["Endpoint"]) { addEdge(topic.key, target, label: "events", why: "a topic subscription") }
            }
        }
    }

    // MARK: - Task definitions

    func connectTasks() {
        // Lambda writes to the log group named /aws/lambda/<function name>.
        for group in nodes where group.kind == KindID.cloudwatch.rawValue {
            guard let name = byKey[group.key]?["LogGroupName"], name.text?.hasPrefix("/aws/lambda/") == true else { continue }
            for function in nodeKeys(name) where kindByKey[function] == KindID.lambda.rawValue {
                addEdge(function, group.key, label: "logs", why: "the function's own log group")
            }
        }
        for service in nodes where service.kind == KindID.ecsService.rawValue {
            guard let taskKey = byKey[service.key]?["TaskDefinition"]?.referencedKeys.first, let task = byKey[taskKey] else { continue }
            for container in task["ContainerDefinitions"]?.list ?? [] {
                let logGroup = container["LogConfiguration"]?["Options"]?["awslogs-group"]
                var groups = nodeKeys(logGroup).filter { kindByKey[$0] == KindID.cloudwatch.rawValue }
                if groups.isEmpty, let name = logGroup?.literal {
                    // A log group named in full is the template's group of that name.
                    groups = nodes.filter { $0.kind == KindID.cloudwatch.rawValue && byKey[$0.key]?["LogGroupName"]?.literal == name }.map(\.key)
                }
                for group in groups {
                    addEdge(service.key, group, label: "logs", why: "the container's awslogs group")
                }
                for repository in nodeKeys(container["Image"]) where kindByKey[repository] == KindID.ecr.rawValue {
                    addEdge(repository, service.key, label: "image pulls", why: "the container's image is in this repository")
                }
            }
        }
    }

    // MARK: - Endpoints

    func connectEndpoints() {
        let served: [String: String] = ["s3": KindID.s3.rawValue, "dynamodb": KindID.dynamodb.rawValue, "ecr.api": KindID.ecr.rawValue, "ecr.dkr": KindID.ecr.rawValue, "logs": KindID.cloudwatch.rawValue]
        for endpoint in nodes where endpoint.kind == KindID.vpcEndpoint.rawValue {
            guard let service = field(endpoint.key, "service")?.stringValue, let kind = served[service] else { continue }
            for target in nodes where target.kind == kind {
                addEdge(endpoint.key, target.key, why: "the \(service) endpoint carries the VPC's traffic to it")
            }
        }
    }
}
