import TopographModel
import TopographInput
import TopographDiff
/// Nesting: a subnet sits in its zone (one per distinct `AvailabilityZone`) inside its VPC;
/// a resource in one subnet sits in it; a resource spanning several sits in the innermost
/// container they share and lists them in `subnets:`. An ECS service sits in its cluster,
/// and a cluster in the VPC all its services run in.
extension ImportBuilder {
    func place() {
        var vpcOf: [String: String] = [:]
        for node in nodes {
            guard let resource = byKey[node.key] else { continue }
            switch node.kind {
            case KindID.subnet.rawValue, KindID.vpcEndpoint.rawValue:
                vpcOf[node.key] = nodeKeys(resource["VpcId"]).first
            case KindID.cloudMap.rawValue:
                vpcOf[node.key] = nodeKeys(resource["Vpc"]).first
            case KindID.internetGateway.rawValue:
                vpcOf[node.key] = nodeKeys(resource["VpcId"]).first ?? (byType["AWS::EC2::VPCGatewayAttachment"] ?? [])
                    .first { $0["InternetGatewayId"]?.referencedKeys.contains(node.key) == true }
                    .flatMap { nodeKeys($0["VpcId"]).first }
            default: break
            }
        }
        // Zones, from the subnets' AvailabilityZone.
        var zoneOfSubnet: [String: String] = [:]
        for node in nodes where node.kind == KindID.subnet.rawValue {
            guard let vpc = vpcOf[node.key], let zone = zone(byKey[node.key]?["AvailabilityZone"]) else { continue }
            let key = "zone:\(vpc):\(zone.key)"
            if synthetic[key] == nil {
                synthetic[key] = (KindID.availabilityZone.rawValue, unique("az-\(zone.letter)"))
                kindByKey[key] = KindID.availabilityZone.rawValue
                fields[key] = [("label", .string(zone.label))]
                parent[key] = vpc
                if zone.assumed {
                    fields[key]?.append(("notes", .string("The template picks this zone by position (`!Select [\(zone.index), !GetAZs \"\"]`); the name assumes the region's zones in alphabetical order.")))
                }
            }
            zoneOfSubnet[node.key] = key
        }
        let subnetAccess = publicSubnets()
        for node in nodes {
            guard let resource = byKey[node.key] else { continue }
            switch node.kind {
            case KindID.subnet.rawValue:
                parent[node.key] = zoneOfSubnet[node.key] ?? vpcOf[node.key]
                if let access = subnetAccess[node.key] { setField(node.key, "access", .string(access)) }
            case KindID.internetGateway.rawValue, KindID.cloudMap.rawValue:
                parent[node.key] = vpcOf[node.key]
            default:
                subnetsOf[node.key] = subnets(of: resource, kind: node.kind)
            }
        }
        func ancestors(_ subnet: String) -> [String] { [zoneOfSubnet[subnet], vpcOf[subnet]].compactMap { $0 } }
        for node in nodes where ![KindID.subnet.rawValue, KindID.internetGateway.rawValue, KindID.cloudMap.rawValue, KindID.ecsService.rawValue, KindID.ecsCluster.rawValue].contains(node.kind) {
            let subnets = subnetsOf[node.key] ?? []
            if subnets.count == 1 {
                parent[node.key] = subnets[0]
                subnetsOf[node.key] = []
            } else if let first = subnets.first {
                parent[node.key] = ancestors(first).first { container in subnets.allSatisfy { ancestors($0).contains(container) } }
            } else if let vpc = vpcOf[node.key] {
                parent[node.key] = vpc
            }
        }
        // A REST VPC link has no network settings: it reaches into its NLB's VPC.
        for node in nodes where node.kind == KindID.vpcLink.rawValue && parent[node.key] == nil {
            if let target = nodeKeys(byKey[node.key]?["TargetArns"]).first, let vpc = vpcContaining(target, ancestors: ancestors) {
                parent[node.key] = vpc
            }
        }
        for node in nodes where node.kind == KindID.ecsService.rawValue {
            guard let resource = byKey[node.key] else { continue }
            if let cluster = nodeKeys(resource["Cluster"]).first(where: { kindByKey[$0] == KindID.ecsCluster.rawValue }) {
                parent[node.key] = cluster
            } else if let first = subnetsOf[node.key]?.first {
                parent[node.key] = ancestors(first).last
            }
        }
        // A node group sits in its cluster (`in: eks`), its subnets listed.
        for node in nodes where node.kind == KindID.eksNodegroup.rawValue {
            if let cluster = nodeKeys(byKey[node.key]?["ClusterName"]).first(where: { kindByKey[$0] == KindID.eksCluster.rawValue }) {
                parent[node.key] = cluster
            }
        }
        for node in nodes where node.kind == KindID.ecsCluster.rawValue {
            let services = nodes.filter { $0.kind == KindID.ecsService.rawValue && parent[$0.key] == node.key }
            var vpcs = Set(services.flatMap { (subnetsOf[$0.key] ?? []).compactMap { vpcOf[$0] } })
            // An EC2 cluster runs where its hosts (Auto Scaling groups) are.
            for host in hosts(ofCluster: node.key) { if let resource = byKey[host] { vpcs.formUnion(subnets(of: resource, kind: KindID.ec2.rawValue).compactMap { vpcOf[$0] }) } }
            if vpcs.count == 1 { parent[node.key] = vpcs.first }
        }
        // A multi-AZ database or cache spans the zones of its subnet group.
        for node in nodes where [KindID.rds.rawValue, KindID.aurora.rawValue, KindID.redis.rawValue].contains(node.kind) {
            guard let resource = byKey[node.key] else { continue }
            let multiAZ = resource["MultiAZ"]?.bool == true || resource["MultiAZEnabled"]?.bool == true || node.kind == KindID.aurora.rawValue
            let zones = (subnetsOf[node.key] ?? []).compactMap { zoneOfSubnet[$0] }.compactMap { fields[$0]?.first?.1.stringValue }
            let distinct = zones.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if multiAZ, distinct.count > 1, !distinct.contains(where: { $0.hasPrefix("<") }) {
                setField(node.key, "zones", .list(distinct.map { .string($0) }))
            }
        }
        for node in nodes where node.kind == KindID.alb.rawValue || node.kind == KindID.nlb.rawValue {
            let zones = (subnetsOf[node.key] ?? []).compactMap { zoneOfSubnet[$0] }.compactMap { fields[$0]?.first?.1.stringValue }
            if zones.count == (subnetsOf[node.key] ?? []).count, zones.count > 1, !zones.contains(where: { $0.hasPrefix("<") }) {
                setField(node.key, "zones", .list(zones.map { .string($0) }))
            }
        }
    }

    private func vpcContaining(_ key: String, ancestors: (String) -> [String]) -> String? {
        var current: String? = key
        var steps = 0
        while let node = current, steps < 16 {
            if kindByKey[node] == KindID.vpc.rawValue { return node }
            current = parent[node] ?? subnetsOf[node]?.first.flatMap { ancestors($0).last }
            steps += 1
        }
        return nil
    }

    /// The subnets a resource's own properties (or its subnet group) place it in.
    func subnets(of resource: IaCResource, kind: String) -> [String] {
        var values: [IaCValue?] = []
        switch kind {
        case KindID.alb.rawValue, KindID.nlb.rawValue:
            values = [resource["Subnets"]] + (resource["SubnetMappings"]?.list ?? []).map { $0["SubnetId"] }
        case KindID.ecsService.rawValue:
            values = [resource["NetworkConfiguration"]?["AwsvpcConfiguration"]?["Subnets"]]
        case KindID.redis.rawValue:
            values = [resource["SubnetIds"]] + (resource["CacheSubnetGroupName"]?.referencedKeys ?? []).map { byKey[$0]?["SubnetIds"] }
        case KindID.rds.rawValue, KindID.aurora.rawValue:
            values = (resource["DBSubnetGroupName"]?.referencedKeys ?? []).map { byKey[$0]?["SubnetIds"] }
        case KindID.lambda.rawValue:
            values = [resource["VpcConfig"]?["SubnetIds"]]
        case KindID.ec2.rawValue, KindID.autoscalingGroup.rawValue:
            values = [resource["SubnetId"], resource["VPCZoneIdentifier"]] + (resource["NetworkInterfaces"]?.list ?? []).map { $0["SubnetId"] }
        case KindID.vpcEndpoint.rawValue, KindID.vpcLink.rawValue:
            values = [resource["SubnetIds"]]
        case KindID.natGateway.rawValue:
            values = [resource["SubnetId"]]
        default:
            return []
        }
        var seen: Set<String> = []
        return values.flatMap { nodeKeys($0) }.filter { kindByKey[$0] == KindID.subnet.rawValue && seen.insert($0).inserted }
    }

    struct Zone {
        var key: String
        var letter: String
        var label: String
        var index: Int
        var assumed: Bool
    }

    func zone(_ value: IaCValue?) -> Zone? {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        switch value {
        case .string(let name)?:
            guard let last = name.last, last.isLetter else { return nil }
            let index = letters.firstIndex(of: last) ?? 0
            return Zone(key: "name:\(name)", letter: String(last), label: name, index: index, assumed: false)
        case .zoneIndex(let index)? where index >= 0 && index < letters.count:
            let letter = String(letters[index])
            let region = model.region
            return Zone(key: "index:\(index)", letter: letter, label: region.map { $0 + letter } ?? "<aws_region>\(letter)", index: index, assumed: true)
        default:
            return nil
        }
    }

    /// Subnet key -> `public` when its route table sends 0.0.0.0/0 to an internet gateway,
    /// `private` when its route table does not. Subnets on the main route table stay unknown.
    func publicSubnets() -> [String: String] {
        var publicTables: Set<String> = []
        for route in byType["AWS::EC2::Route"] ?? [] {
            let destination = route["DestinationCidrBlock"]?.literal ?? route["DestinationIpv6CidrBlock"]?.literal
            guard destination == "0.0.0.0/0" || destination == "::/0" else { continue }
            if nodeKeys(route["GatewayId"]).contains(where: { kindByKey[$0] == KindID.internetGateway.rawValue }) {
                publicTables.formUnion(route["RouteTableId"]?.referencedKeys ?? [])
            }
        }
        var result: [String: String] = [:]
        for association in byType["AWS::EC2::SubnetRouteTableAssociation"] ?? [] {
            guard let table = association["RouteTableId"]?.referencedKeys.first else { continue }
            for subnet in nodeKeys(association["SubnetId"]) {
                result[subnet] = publicTables.contains(table) ? "public" : (result[subnet] ?? "private")
            }
        }
        return result
    }
}
