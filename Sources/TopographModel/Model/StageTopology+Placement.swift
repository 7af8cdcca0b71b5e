/// Facts about where resources sit, shared by the rules: subnets, their access, zones, VPCs.
/// Each answers only from what the topology says; "not written" is `nil` or empty, and the
/// rules stay silent on what they cannot know rather than guess.
extension StageTopology {
    /// Subnets a resource is placed in: its `subnets:`, else the subnet it sits in.
    package func placementSubnets(of resource: Resource) -> [Resource] {
        if !resource.subnets.isEmpty { return resource.subnets.compactMap { self.resource($0) } }
        if let subnet = enclosing(resource.id, kinds: [.subnet]) { return [subnet] }
        return []
    }

    /// The field that places a resource in its subnets, for pointing a finding at it.
    package func placementField(of resource: Resource) -> String {
        resource.subnets.isEmpty ? "in" : "subnets"
    }

    /// Availability zones a resource spans: `zones:`, the zones of its subnets, or the
    /// availability zone it sits in.
    package func availabilityZones(of resource: Resource) -> Set<String> {
        if !resource.zones.isEmpty { return Set(resource.zones) }
        var zones: Set<String> = []
        for subnet in placementSubnets(of: resource) {
            if let az = subnet.string("az") {
                zones.insert(az)
            } else if let zone = enclosing(subnet.id, kinds: [.availabilityZone]) {
                zones.insert(zone.label)
            }
        }
        if zones.isEmpty, let zone = enclosing(resource.id, kinds: [.availabilityZone]) { zones.insert(zone.label) }
        return zones
    }

    /// The VPC a resource is in: the one enclosing it, or the one enclosing its subnets.
    package func vpc(of resource: Resource) -> Resource? {
        if resource.kind == .vpc { return resource }
        if let vpc = enclosing(resource.id, kinds: [.vpc]) { return vpc }
        return placementSubnets(of: resource).lazy.compactMap { self.enclosing($0.id, kinds: [.vpc]) }.first
    }

    /// Whether the topology places the resource inside a VPC at all.
    package func isInVPC(_ resource: Resource) -> Bool {
        vpc(of: resource) != nil || !placementSubnets(of: resource).isEmpty
    }

    /// Whether two resources are in the same VPC, counting "VPC not written" as a match when
    /// the topology has at most one VPC (the usual single-VPC file leaves it implicit).
    package func shareVPC(_ a: Resource, _ b: Resource) -> Bool {
        let (first, second) = (vpc(of: a), vpc(of: b))
        if let first, let second { return first.id == second.id }
        return resources(ofKind: .vpc).count <= 1
    }

    /// Resources reachable from `id` by following connections (not `id` itself).
    package func downstream(of id: String) -> Set<String> {
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

extension Resource {
    /// A subnet's `access:` (`public` / `private`), `nil` when not written.
    package var subnetAccess: String? { string("access") }

    /// A load balancer's scheme; AWS creates internet-facing ones unless told otherwise.
    package var isInternetFacing: Bool { string("scheme") != "internal" }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    package func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
