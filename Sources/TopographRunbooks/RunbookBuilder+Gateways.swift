import Foundation
import TopographModel

/// The internet gateway, NAT gateways and Route 53 alias records a stage declares.
extension RunbookBuilder {
    func gateways(in stage: StageTopology) -> GatewaysContext? {
        guard let vpc = stage.resources(ofKind: .vpc).first else { return nil }
        let igw = stage.resources(ofKind: .internetGateway).filter(includes).first
        let nats = stage.resources(ofKind: .natGateway).filter(includes).compactMap { nat -> NatGatewayContext? in
            guard let subnet = stage.enclosing(nat.id, kinds: [.subnet]) else { return nil }
            return NatGatewayContext(
                id: ShellWord(nat.id), variable: RunbookNames.variable(nat.id) + "_ID",
                subnetVariable: "SUBNET_" + RunbookNames.variable(subnet.id),
                nameTag: ShellWord("ResourceType=natgateway,Tags=[{Key=Name,Value=\(nat.name)}]"))
        }
        guard igw != nil || !nats.isEmpty else { return nil }
        // Without the internet gateway's route a subnet declared public is private in AWS.
        let publicSubnets = igw == nil ? [] : stage.resources(ofKind: .subnet).filter { $0.string("access") == "public" }.map { subnet in
            PublicRouteContext(
                id: ShellWord(subnet.id), variable: "ROUTES_" + RunbookNames.variable(subnet.id),
                subnetVariable: "SUBNET_" + RunbookNames.variable(subnet.id),
                nameTag: ShellWord("ResourceType=route-table,Tags=[{Key=Name,Value=\(subnet.name)}]"))
        }
        return GatewaysContext(
            hasInternetGateway: igw != nil, internetGatewayName: ShellWord("ResourceType=internet-gateway,Tags=[{Key=Name,Value=\(igw?.name ?? vpc.name)}]"),
            natGateways: nats, publicSubnets: publicSubnets)
    }

    func aliasRecords(in stage: StageTopology) -> [AliasRecordContext] {
        stage.resources(ofKind: .route53).filter(includes).compactMap { dns -> AliasRecordContext? in
            guard let record = dns.string("record"), record.contains("."),
                  let target = stage.outgoing(dns.id).compactMap({ stage.resource($0.to) }).first(where: { [KindID.alb, .nlb].contains($0.kind) })
            else { return nil }
            let zone = record.split(separator: ".").dropFirst().joined(separator: ".") + "."
            return AliasRecordContext(
                id: ShellWord(dns.id), record: ShellWord(record), zone: ShellWord(zone), variable: RunbookNames.variable(dns.id),
                loadBalancerLookup: RunbookNames.lookup("LoadBalancers", "LoadBalancerName", target.name, select: "DNSName"),
                zoneLookup: RunbookNames.lookup("LoadBalancers", "LoadBalancerName", target.name, select: "CanonicalHostedZoneId"),
                changeFile: ShellWord("\(dns.id)-record.json"),
                guardLine: ": \"${\(RunbookNames.variable(dns.id))_ZONE:?no hosted zone for the record: create it first}\"")
        }
    }
}
