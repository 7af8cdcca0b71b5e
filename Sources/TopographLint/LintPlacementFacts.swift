import TopographModel

/// Placement facts only the lint rules need, on top of the model's shared ones: zones of a
/// load balancer, usable NAT gateways and VPC endpoints, and where to point at a subnet.
extension StageTopology {
    /// Where to point a finding about `subnet` in a resource's placement: its entry in
    /// `subnets:`, else the `in:` value.
    func placementLocation(of resource: Resource, subnet: String) -> SourceLocation {
        if let index = resource.subnets.firstIndex(of: subnet) { return resource.location(of: "subnets", element: index) }
        return resource.location(of: placementField(of: resource))
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
        resources(ofKind: .natGateway).filter { !placementSubnets(of: $0).contains { $0.subnetAccess == "private" } }
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


/// What resources in each VPC can reach without a public IP: a usable NAT gateway, and the
/// VPC endpoints whose type works for their service. Built once per rule run, so a file of
/// thousands of services is not scanned once per service.
struct EgressIndex {
    private let singleVPC: Bool
    /// VPC ids with a usable NAT gateway ("" for one in no drawn VPC).
    private let natVPCs: Set<String>
    private let endpointsByVPC: [String: Set<String>]
    /// Resources an `ecr` repository connects to or from (the drawn image pull).
    let ecrConnected: Set<String>

    init(_ topology: StageTopology) {
        singleVPC = topology.resources(ofKind: .vpc).count <= 1
        natVPCs = Set(topology.usableNATGateways().map { topology.vpc(of: $0)?.id ?? "" })
        var endpoints: [String: Set<String>] = [:]
        for endpoint in topology.resources(ofKind: .vpcEndpoint) {
            guard let service = endpoint.string("service"), VPCEndpointFacts.typeWorks(endpoint) else { continue }
            endpoints[topology.vpc(of: endpoint)?.id ?? "", default: []].insert(service)
        }
        endpointsByVPC = endpoints
        var connected: Set<String> = []
        for connection in topology.connections {
            if topology.resource(connection.from)?.kind == .ecr { connected.insert(connection.to) }
            if topology.resource(connection.to)?.kind == .ecr { connected.insert(connection.from) }
        }
        ecrConnected = connected
    }

    /// Whether `resource`'s VPC has a usable NAT gateway (with one VPC or none drawn, any
    /// NAT gateway counts; one in no drawn VPC counts for every VPC).
    func hasNATGateway(for resource: Resource, in topology: StageTopology) -> Bool {
        if singleVPC { return !natVPCs.isEmpty }
        return natVPCs.contains("") || natVPCs.contains(topology.vpc(of: resource)?.id ?? "")
    }

    /// The `service:` values of the VPC endpoints usable from `resource`'s VPC, each counted
    /// only when its `endpoint_type` can work for that service (an interface service such
    /// as `ecr.dkr` declared `gateway` does not exist in AWS).
    func endpointServices(for resource: Resource, in topology: StageTopology) -> Set<String> {
        if singleVPC { return endpointsByVPC.values.reduce(into: Set<String>()) { $0.formUnion($1) } }
        return (endpointsByVPC[""] ?? []).union(endpointsByVPC[topology.vpc(of: resource)?.id ?? ""] ?? [])
    }
}
