/// Facts about where resources sit, shared by the rules: subnets, their access, zones, VPCs.
/// Each answers only from what the topology says; "not written" is `nil` or empty, and the
/// rules stay silent on what they cannot know rather than guess.
extension StageTopology {
    /// Subnets a resource is placed in: its `subnets:`, else the subnet it sits in.
    func placementSubnets(of resource: Resource) -> [Resource] {
        if !resource.subnets.isEmpty { return resource.subnets.compactMap { self.resource($0) } }
        if let subnet = enclosing(resource.id, kinds: ["subnet"]) { return [subnet] }
        return []
    }

    /// The field that places a resource in its subnets, for pointing a finding at it.
    func placementField(of resource: Resource) -> String {
        resource.subnets.isEmpty ? "in" : "subnets"
    }

    /// Where to point a finding about `subnet` in a resource's placement: its entry in
    /// `subnets:`, else the `in:` value.
    func placementLocation(of resource: Resource, subnet: String) -> SourceLocation {
        if let index = resource.subnets.firstIndex(of: subnet) { return resource.location(of: "subnets", element: index) }
        return resource.location(of: placementField(of: resource))
    }

    /// Availability zones a resource spans: `zones:`, the zones of its subnets, or the
    /// availability zone it sits in.
    func availabilityZones(of resource: Resource) -> Set<String> {
        if !resource.zones.isEmpty { return Set(resource.zones) }
        var zones: Set<String> = []
        for subnet in placementSubnets(of: resource) {
            if let az = subnet.string("az") {
                zones.insert(az)
            } else if let zone = enclosing(subnet.id, kinds: ["availability-zone"]) {
                zones.insert(zone.label)
            }
        }
        if zones.isEmpty, let zone = enclosing(resource.id, kinds: ["availability-zone"]) { zones.insert(zone.label) }
        return zones
    }

    /// How many availability zones a load balancer spans. AWS allows one subnet per zone
    /// per load balancer, so each subnet it is placed in is a zone of its own, even when the
    /// subnet does not say which (`nil` when the topology says nothing about it).
    func loadBalancerZoneCount(of balancer: Resource) -> Int? {
        let zones = availabilityZones(of: balancer).count
        let subnets = placementSubnets(of: balancer).count
        let count = max(zones, subnets)
        return count == 0 ? nil : count
    }

    /// The zones of a load balancer for messages: named zones, else its subnets.
    func loadBalancerZoneNames(of balancer: Resource) -> [String] {
        let zones = availabilityZones(of: balancer).sorted()
        return zones.isEmpty ? placementSubnets(of: balancer).map { "subnet '\($0.id)'" } : zones
    }

    /// A NAT gateway that can give private subnets a way out: one not in a private subnet.
    func usableNATGateways() -> [Resource] {
        resources(ofKind: "nat-gateway").filter { !placementSubnets(of: $0).contains { $0.subnetAccess == "private" } }
    }

    /// Whether `resource`'s VPC has a usable NAT gateway (with one VPC or none drawn, any
    /// NAT gateway counts).
    func hasNATGateway(for resource: Resource) -> Bool {
        let nats = usableNATGateways()
        if resources(ofKind: "vpc").count <= 1 { return !nats.isEmpty }
        let vpc = self.vpc(of: resource)?.id
        return nats.contains { nat in
            let natVPC = self.vpc(of: nat)?.id
            return natVPC == nil || natVPC == vpc
        }
    }

    /// The `service:` values of the VPC endpoints usable from `resource`'s VPC, each counted
    /// only when its `endpoint_type` can work for that service (an interface service such
    /// as `ecr.dkr` declared `gateway` does not exist in AWS).
    func endpointServices(for resource: Resource) -> Set<String> {
        let singleVPC = resources(ofKind: "vpc").count <= 1
        let vpc = self.vpc(of: resource)?.id
        var services: Set<String> = []
        for endpoint in resources(ofKind: "vpc-endpoint") {
            guard let service = endpoint.string("service"), VPCEndpointFacts.typeWorks(endpoint) else { continue }
            let endpointVPC = self.vpc(of: endpoint)?.id
            if singleVPC || endpointVPC == nil || endpointVPC == vpc { services.insert(service) }
        }
        return services
    }

    /// Whether every subnet the resource is placed in is private (and it is placed at all).
    func isInPrivateSubnets(_ resource: Resource) -> Bool {
        let subnets = placementSubnets(of: resource)
        return !subnets.isEmpty && subnets.allSatisfy { $0.subnetAccess == "private" }
    }

    /// Whether every subnet the resource is placed in is public (and it is placed at all).
    func isInPublicSubnets(_ resource: Resource) -> Bool {
        let subnets = placementSubnets(of: resource)
        return !subnets.isEmpty && subnets.allSatisfy { $0.subnetAccess == "public" }
    }

    /// The VPC a resource is in: the one enclosing it, or the one enclosing its subnets.
    func vpc(of resource: Resource) -> Resource? {
        if resource.kind == "vpc" { return resource }
        if let vpc = enclosing(resource.id, kinds: ["vpc"]) { return vpc }
        return placementSubnets(of: resource).lazy.compactMap { self.enclosing($0.id, kinds: ["vpc"]) }.first
    }

    /// Whether the topology places the resource inside a VPC at all.
    func isInVPC(_ resource: Resource) -> Bool {
        vpc(of: resource) != nil || !placementSubnets(of: resource).isEmpty
    }

    /// Whether two resources are in the same VPC, counting "VPC not written" as a match when
    /// the topology has at most one VPC (the usual single-VPC file leaves it implicit).
    func shareVPC(_ a: Resource, _ b: Resource) -> Bool {
        let (first, second) = (vpc(of: a), vpc(of: b))
        if let first, let second { return first.id == second.id }
        return resources(ofKind: "vpc").count <= 1
    }

    /// Resources reachable from `id` by following connections (not `id` itself).
    func downstream(of id: String) -> Set<String> {
        var seen: Set<String> = []
        var queue = [id]
        while let next = queue.popLast() {
            for connection in outgoing(next) where seen.insert(connection.to).inserted {
                queue.append(connection.to)
            }
            // A connection into a container reaches what it contains.
            for child in children(of: next) where seen.insert(child.id).inserted {
                queue.append(child.id)
            }
        }
        seen.remove(id)
        return seen
    }
}

/// Which AWS services offer which VPC endpoint types.
enum VPCEndpointFacts {
    /// Services with a gateway endpoint; every other service is interface-only.
    static let gatewayServices: Set<String> = ["s3", "dynamodb"]
    /// Services that offer only a gateway endpoint (DynamoDB gained interface endpoints in 2024).
    static let gatewayOnlyServices: Set<String> = []

    /// Whether the endpoint's declared type exists for its service (unwritten: yes).
    static func typeWorks(_ endpoint: Resource) -> Bool {
        guard let service = endpoint.string("service"), let type = endpoint.string("endpoint_type") else { return true }
        switch type {
        case "gateway": return gatewayServices.contains(service)
        case "interface": return !gatewayOnlyServices.contains(service)
        default: return true
        }
    }
}

extension Resource {
    /// A subnet's `access:` (`public` / `private`), `nil` when not written.
    var subnetAccess: String? { string("access") }

    /// A load balancer's scheme; AWS creates internet-facing ones unless told otherwise.
    var isInternetFacing: Bool { string("scheme") != "internal" }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
