/// Facts about where resources sit, shared by the rules: subnets, their access, zones.
extension StageTopology {
    /// Subnets a resource is placed in: its `subnets:`, else the subnet it sits in.
    func placementSubnets(of resource: Resource) -> [Resource] {
        if !resource.subnets.isEmpty { return resource.subnets.compactMap { self.resource($0) } }
        if let subnet = enclosing(resource.id, kinds: ["subnet"]) { return [subnet] }
        return []
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
