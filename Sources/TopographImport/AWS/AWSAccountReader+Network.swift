import TopographModel

/// VPCs, subnets, gateways, route tables, endpoints, security groups and instances.
extension AWSAccountReader {
    static let networkCalls: [AWSCall] = [
        AWSCall("ec2", "describe-vpcs"), AWSCall("ec2", "describe-subnets"), AWSCall("ec2", "describe-internet-gateways"),
        AWSCall("ec2", "describe-nat-gateways"), AWSCall("ec2", "describe-route-tables"), AWSCall("ec2", "describe-vpc-endpoints"),
        AWSCall("ec2", "describe-security-groups"), AWSCall("ec2", "describe-instances"),
    ]

    static func ec2Tags(_ item: AWSJSON) -> [(String, String)] {
        item["Tags"].array.compactMap { tag in tag["Key"].string.map { ($0, tag["Value"].string ?? "") } }
    }

    func readNetwork(_ fetched: Fetched) {
        let b = builder
        // The default VPC (every region has one) is not part of anyone's architecture
        // unless `--vpc` names it.
        for vpc in fetched[AWSCall("ec2", "describe-vpcs")]?["Vpcs"].array ?? [] where vpc["IsDefault"].bool == true {
            if let id = vpc["VpcId"].string, id != scope.vpc { skippedVPCs.insert(id) }
        }
        func skipped(_ item: AWSJSON) -> Bool {
            skippedVPCs.contains(item["VpcId"].string ?? "") || skippedVPCs.contains(item["Attachments"].array.first?["VpcId"].string ?? "")
        }
        for vpc in fetched[AWSCall("ec2", "describe-vpcs")]?["Vpcs"].array ?? [] where !skipped(vpc) {
            guard let id = vpc["VpcId"].string else { continue }
            b.add(id, "AWS::EC2::VPC", ["CidrBlock": .string(vpc["CidrBlock"].string ?? "")], name: id,
                  identifiers: [b.arn("ec2", "vpc/\(id)")], tags: Self.ec2Tags(vpc))
        }
        for subnet in fetched[AWSCall("ec2", "describe-subnets")]?["Subnets"].array ?? [] where !skipped(subnet) {
            guard let id = subnet["SubnetId"].string else { continue }
            var properties: [String: IaCValue] = ["VpcId": b.ref(subnet["VpcId"].string) ?? .null]
            if let cidr = subnet["CidrBlock"].string { properties["CidrBlock"] = .string(cidr) }
            if let zone = subnet["AvailabilityZone"].string { properties["AvailabilityZone"] = .string(zone) }
            b.add(id, "AWS::EC2::Subnet", properties, name: id, identifiers: [subnet["SubnetArn"].string ?? ""], tags: Self.ec2Tags(subnet))
        }
        for gateway in fetched[AWSCall("ec2", "describe-internet-gateways")]?["InternetGateways"].array ?? [] where !skipped(gateway) {
            guard let id = gateway["InternetGatewayId"].string else { continue }
            var properties: [String: IaCValue] = [:]
            if let vpc = gateway["Attachments"].array.first?["VpcId"].string { properties["VpcId"] = b.ref(vpc) }
            b.add(id, "AWS::EC2::InternetGateway", properties, name: id, tags: Self.ec2Tags(gateway))
        }
        for gateway in fetched[AWSCall("ec2", "describe-nat-gateways")]?["NatGateways"].array ?? [] {
            guard let id = gateway["NatGatewayId"].string, !["deleted", "deleting", "failed"].contains(gateway["State"].string ?? "") else { continue }
            b.add(id, "AWS::EC2::NatGateway", ["SubnetId": b.ref(gateway["SubnetId"].string) ?? .null], name: id, tags: Self.ec2Tags(gateway))
        }
        readRouteTables((fetched[AWSCall("ec2", "describe-route-tables")]?["RouteTables"].array ?? []).filter { !skipped($0) },
                        subnets: (fetched[AWSCall("ec2", "describe-subnets")]?["Subnets"].array ?? []).filter { !skipped($0) })
        for endpoint in fetched[AWSCall("ec2", "describe-vpc-endpoints")]?["VpcEndpoints"].array ?? [] {
            guard let id = endpoint["VpcEndpointId"].string, !["deleted", "deleting", "failed", "rejected"].contains((endpoint["State"].string ?? "").lowercased()) else { continue }
            var properties: [String: IaCValue] = [
                "VpcId": b.ref(endpoint["VpcId"].string) ?? .null,
                "ServiceName": .string(endpoint["ServiceName"].string ?? ""),
                "VpcEndpointType": .string(endpoint["VpcEndpointType"].string ?? "Gateway"),
                "SubnetIds": b.refs(endpoint["SubnetIds"].strings),
                "SecurityGroupIds": b.refs(endpoint["Groups"].array.compactMap { $0["GroupId"].string }),
            ]
            if let dns = endpoint["PrivateDnsEnabled"].bool { properties["PrivateDnsEnabled"] = .bool(dns) }
            b.add(id, "AWS::EC2::VPCEndpoint", properties, name: id, tags: Self.ec2Tags(endpoint))
        }
        for group in fetched[AWSCall("ec2", "describe-security-groups")]?["SecurityGroups"].array ?? [] {
            guard let id = group["GroupId"].string else { continue }
            b.add(id, "AWS::EC2::SecurityGroup", [
                "VpcId": b.ref(group["VpcId"].string) ?? .null,
                "GroupName": .string(group["GroupName"].string ?? ""),
                "SecurityGroupIngress": .list(group["IpPermissions"].array.flatMap(ingressRules)),
            ], name: group["GroupName"].string ?? id, tags: Self.ec2Tags(group))
        }
        for reservation in fetched[AWSCall("ec2", "describe-instances")]?["Reservations"].array ?? [] {
            for instance in reservation["Instances"].array {
                guard let id = instance["InstanceId"].string, !["terminated", "shutting-down"].contains(instance["State"]["Name"].string ?? "") else { continue }
                if let fleet = Self.ec2Tags(instance).first(where: { $0.0 == "aws:autoscaling:groupName" })?.1 {
                    fleetInstances[fleet, default: ([], [])].groups += instance["SecurityGroups"].array.compactMap { $0["GroupId"].string }
                    fleetInstances[fleet, default: ([], [])].types += [instance["InstanceType"].string].compactMap { $0 }
                    continue
                }
                b.add(id, "AWS::EC2::Instance", [
                    "InstanceType": .string(instance["InstanceType"].string ?? ""),
                    "SubnetId": b.ref(instance["SubnetId"].string) ?? .null,
                    "SecurityGroupIds": b.refs(instance["SecurityGroups"].array.compactMap { $0["GroupId"].string }),
                ], name: id, identifiers: [b.arn("ec2", "instance/\(id)")], tags: Self.ec2Tags(instance))
            }
        }
    }

    /// One ingress permission as CloudFormation's rules: one per source (group, range, prefix list).
    func ingressRules(_ permission: AWSJSON) -> [IaCValue] {
        var base: [IaCEntry] = [IaCEntry(key: "IpProtocol", value: .string(permission["IpProtocol"].string ?? "-1"))]
        if let from = permission["FromPort"].int { base.append(IaCEntry(key: "FromPort", value: .number(Double(from)))) }
        if let to = permission["ToPort"].int { base.append(IaCEntry(key: "ToPort", value: .number(Double(to)))) }
        var rules: [IaCValue] = []
        for pair in permission["UserIdGroupPairs"].array {
            if let group = builder.ref(pair["GroupId"].string) { rules.append(.map(base + [IaCEntry(key: "SourceSecurityGroupId", value: group)])) }
        }
        for range in permission["IpRanges"].array {
            if let cidr = range["CidrIp"].string { rules.append(.map(base + [IaCEntry(key: "CidrIp", value: .string(cidr))])) }
        }
        for range in permission["Ipv6Ranges"].array {
            if let cidr = range["CidrIpv6"].string { rules.append(.map(base + [IaCEntry(key: "CidrIpv6", value: .string(cidr))])) }
        }
        for list in permission["PrefixListIds"].array {
            if let id = list["PrefixListId"].string { rules.append(.map(base + [IaCEntry(key: "SourcePrefixListId", value: .string(id))])) }
        }
        return rules
    }

    /// Routes and associations as their own resources, as templates declare them. A subnet
    /// with no association of its own uses its VPC's main table: the account says which.
    func readRouteTables(_ tables: [AWSJSON], subnets: [AWSJSON]) {
        let b = builder
        var associated: Set<String> = []
        var mainTable: [String: String] = [:]
        for table in tables {
            guard let id = table["RouteTableId"].string else { continue }
            b.add(id, "AWS::EC2::RouteTable", ["VpcId": b.ref(table["VpcId"].string) ?? .null], name: id, tags: Self.ec2Tags(table))
            for (index, route) in table["Routes"].array.enumerated() {
                var properties: [String: IaCValue] = ["RouteTableId": b.id(id)]
                for field in ["DestinationCidrBlock", "DestinationIpv6CidrBlock", "GatewayId", "NatGatewayId", "VpcEndpointId", "TransitGatewayId"] {
                    guard let value = route[field].string else { continue }
                    properties[field] = field.hasPrefix("Destination") ? .string(value) : b.ref(value)
                }
                b.add("\(id)#route\(index)", "AWS::EC2::Route", properties, name: "\(id) route \(index)")
            }
            for association in table["Associations"].array {
                if association["Main"].bool == true, let vpc = table["VpcId"].string { mainTable[vpc] = id }
                guard let subnet = association["SubnetId"].string else { continue }
                associated.insert(subnet)
                b.add("\(id)#\(subnet)", "AWS::EC2::SubnetRouteTableAssociation", ["RouteTableId": b.id(id), "SubnetId": b.id(subnet)], name: "\(id) \(subnet)")
            }
        }
        for subnet in subnets {
            guard let id = subnet["SubnetId"].string, !associated.contains(id), let vpc = subnet["VpcId"].string, let table = mainTable[vpc] else { continue }
            b.add("\(table)#\(id)", "AWS::EC2::SubnetRouteTableAssociation", ["RouteTableId": b.id(table), "SubnetId": b.id(id)], name: "\(table) \(id) (main)")
        }
    }
}
