import TopographModel

/// Load balancers with their listeners, rules, target groups and registered targets.
extension AWSAccountReader {
    static let loadBalancerCalls: [AWSCall] = [
        AWSCall("elbv2", "describe-load-balancers"), AWSCall("elbv2", "describe-target-groups"),
    ]

    func loadBalancers(_ fetched: Fetched) -> [AWSJSON] {
        (fetched[AWSCall("elbv2", "describe-load-balancers")]?["LoadBalancers"].array ?? []).filter { !skippedVPCs.contains($0["VpcId"].string ?? "") }
    }

    func readLoadBalancers(_ fetched: Fetched) {
        let b = builder
        for balancer in loadBalancers(fetched) {
            guard let arn = balancer["LoadBalancerArn"].string else { continue }
            let name = balancer["LoadBalancerName"].string ?? arn
            var properties: [String: IaCValue] = [
                "Name": .string(name),
                "Type": .string(balancer["Type"].string ?? "application"),
                "Scheme": .string(balancer["Scheme"].string ?? "internet-facing"),
                "Subnets": b.refs(balancer["AvailabilityZones"].array.compactMap { $0["SubnetId"].string }),
                "SecurityGroups": b.refs(balancer["SecurityGroups"].strings),
            ]
            if let enforce = balancer["EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"].string {
                properties["EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"] = .string(enforce)
            }
            b.add(arn, "AWS::ElasticLoadBalancingV2::LoadBalancer", properties, name: name,
                  identifiers: [balancer["DNSName"].string?.lowercased() ?? ""])
        }
        for group in fetched[AWSCall("elbv2", "describe-target-groups")]?["TargetGroups"].array ?? [] {
            guard let arn = group["TargetGroupArn"].string else { continue }
            var properties: [String: IaCValue] = [
                "VpcId": b.ref(group["VpcId"].string) ?? .null,
                "TargetType": .string(group["TargetType"].string ?? "instance"),
            ]
            if let port = group["Port"].int { properties["Port"] = .number(Double(port)) }
            if let value = group["Protocol"].string { properties["Protocol"] = .string(value) }
            if let path = group["HealthCheckPath"].string { properties["HealthCheckPath"] = .string(path) }
            if let value = group["HealthCheckProtocol"].string { properties["HealthCheckProtocol"] = .string(value) }
            pendingTargetGroups[arn] = properties
        }
    }

    func loadBalancerDetailCalls(_ fetched: Fetched) -> [AWSCall] {
        var calls: [AWSCall] = []
        for balancer in loadBalancers(fetched) {
            guard let arn = balancer["LoadBalancerArn"].string else { continue }
            calls.append(AWSCall("elbv2", "describe-listeners", ["--load-balancer-arn", arn]))
            if balancer["Type"].string == "network" {
                calls.append(AWSCall("elbv2", "describe-load-balancer-attributes", ["--load-balancer-arn", arn]))
            }
        }
        // An `ip` group holds task or pod addresses, which name no resource (the ECS
        // service's own `LoadBalancers` says it registers there): no call for those.
        for arn in pendingTargetGroups.keys.sorted() where pendingTargetGroups[arn]?["TargetType"]?.literal != "ip" {
            calls.append(AWSCall("elbv2", "describe-target-health", ["--target-group-arn", arn]))
        }
        return calls
    }

    func readLoadBalancerDetails(_ fetched: Fetched) {
        let b = builder
        for (call, answer) in fetched where call.service == "elbv2" {
            switch call.operation {
            case "describe-listeners":
                for listener in answer["Listeners"].array {
                    guard let arn = listener["ListenerArn"].string else { continue }
                    var properties: [String: IaCValue] = [
                        "LoadBalancerArn": b.ref(listener["LoadBalancerArn"].string) ?? .null,
                        "DefaultActions": .list(listener["DefaultActions"].array.map(action)),
                    ]
                    if let port = listener["Port"].int { properties["Port"] = .number(Double(port)) }
                    if let value = listener["Protocol"].string { properties["Protocol"] = .string(value) }
                    b.add(arn, "AWS::ElasticLoadBalancingV2::Listener", properties, name: arn)
                    // Only HTTP(S) listeners have rules beyond the default action.
                    if ["HTTP", "HTTPS"].contains(listener["Protocol"].string ?? "") { listenerARNs.append(arn) }
                }
            case "describe-load-balancer-attributes":
                guard let arn = call.arguments.last else { continue }
                let attributes = answer["Attributes"].array.map { item in
                    IaCValue.map([IaCEntry(key: "Key", value: .string(item["Key"].string ?? "")), IaCEntry(key: "Value", value: .string(item["Value"].string ?? ""))])
                }
                b.amend(arn) { $0["LoadBalancerAttributes"] = .list(attributes) }
            case "describe-target-health":
                guard let arn = call.arguments.last, var properties = pendingTargetGroups[arn] else { continue }
                properties["Targets"] = .list(answer["TargetHealthDescriptions"].array.compactMap { description in
                    guard let id = description["Target"]["Id"].string else { return nil }
                    var entries = [IaCEntry(key: "Id", value: b.id(id))]
                    if let port = description["Target"]["Port"].int { entries.append(IaCEntry(key: "Port", value: .number(Double(port)))) }
                    return .map(entries)
                })
                pendingTargetGroups[arn] = properties
            default: break
            }
        }
        for (arn, properties) in pendingTargetGroups.sorted(by: { $0.key < $1.key }) {
            b.add(arn, "AWS::ElasticLoadBalancingV2::TargetGroup", properties, name: arn.split(separator: "/").dropLast().last.map(String.init) ?? arn)
        }
    }

    func listenerRuleCalls(_ fetched: Fetched) -> [AWSCall] {
        listenerARNs.sorted().map { AWSCall("elbv2", "describe-rules", ["--listener-arn", $0]) }
    }

    func readListenerRules(_ fetched: Fetched) {
        let b = builder
        for (call, answer) in fetched where call.operation == "describe-rules" {
            for rule in answer["Rules"].array where rule["IsDefault"].bool != true {
                guard let arn = rule["RuleArn"].string else { continue }
                b.add(arn, "AWS::ElasticLoadBalancingV2::ListenerRule", [
                    "ListenerArn": b.ref(call.arguments.last) ?? .null,
                    "Actions": .list(rule["Actions"].array.map(action)),
                ], name: arn)
            }
        }
    }

    /// A listener or rule action: where it forwards.
    func action(_ action: AWSJSON) -> IaCValue {
        var entries = [IaCEntry(key: "Type", value: .string(action["Type"].string ?? ""))]
        if let group = builder.ref(action["TargetGroupArn"].string) { entries.append(IaCEntry(key: "TargetGroupArn", value: group)) }
        let groups = action["ForwardConfig"]["TargetGroups"].array.compactMap { builder.ref($0["TargetGroupArn"].string) }
        if !groups.isEmpty {
            entries.append(IaCEntry(key: "ForwardConfig", value: .map([IaCEntry(key: "TargetGroups", value: .list(groups.map { .map([IaCEntry(key: "TargetGroupArn", value: $0)]) }))])))
        }
        return .map(entries)
    }
}
