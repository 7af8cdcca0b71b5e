import Foundation
import TopographModel

/// Reachability from the topology: every connection into something behind a security group
/// becomes an ingress rule on the callee's group (the caller's group, or 0.0.0.0/0 for
/// users and the internet) on the port the callee listens on; load balancers reach their
/// targets (and health-check them) through the same rule. Data stores and hosts the runbook
/// finds rather than creates join their group.
extension RunbookBuilder {
    /// Kinds that get a security group of their own from the runbook.
    static let guardedKinds: Set<KindID> = [.alb, .nlb, .ecsService, .redis, .rds, .aurora, .ec2]
    static let outsideKinds: Set<KindID> = [.user, .internet]

    /// What gets a security group: load balancers, services, data stores, hosts, HTTP VPC
    /// links and interface endpoints.
    func securityGroupOwners(in stage: StageTopology) -> [Resource] {
        stage.resources.filter { resource in
            switch resource.kind {
            case let kind where Self.guardedKinds.contains(kind): return true
            case .vpcLink: return resource.string("api") != "rest"
            case .vpcEndpoint: return resource.string("endpoint_type") != "gateway"
            default: return false
            }
        }
    }

    /// The port a connection into `callee` arrives on: a service's container port, a
    /// database's engine port, else the connection's, else the callee's default.
    static func listenPorts(of callee: Resource, connection: Connection, fromOutside: Bool) -> [Int] {
        switch callee.kind {
        case .ecsService: return [container(of: callee).port ?? connection.port ?? 80]
        case .alb, .nlb:
            let listeners = (callee["listeners"]?.listValue ?? []).compactMap(\.intValue)
            if fromOutside { return listeners.isEmpty ? [80] : listeners }
            if let port = connection.port { return [port] }
            return [listeners.first ?? 80]
        case .rds, .aurora:
            return [(callee.string("engine") ?? "postgres").contains("postgres") ? 5432 : 3306]
        case .redis: return [callee.int("port") ?? connection.port ?? 6379]
        case .vpcEndpoint: return [connection.port ?? 443]
        case .ec2: return [connection.port ?? 22]
        default: return connection.port.map { [$0] } ?? []
        }
    }

    func ingressRules(in stage: StageTopology) -> [IngressRuleContext] {
        let owners = Set(securityGroupOwners(in: stage).map(\.id))
        var seen: Set<String> = []
        var rules: [IngressRuleContext] = []
        for connection in stage.connections {
            guard owners.contains(connection.to), let callee = stage.resource(connection.to), let caller = stage.resource(connection.from) else { continue }
            let outside = Self.outsideKinds.contains(caller.kind)
            let source: String
            if outside {
                source = "0.0.0.0/0"
            } else if owners.contains(caller.id) {
                source = "\"$\(Self.securityGroupVariable(caller.id))\""
            } else {
                continue
            }
            for port in Self.listenPorts(of: callee, connection: connection, fromOutside: outside) {
                let group = Self.securityGroupVariable(callee.id)
                guard seen.insert("\(group) \(port) \(source)").inserted else { continue }
                rules.append(IngressRuleContext(
                    groupVariable: group, port: String(port), source: source,
                    label: ProseText("\(caller.id) -> \(callee.id)")))
            }
        }
        return rules
    }

    /// Existing data stores and hosts join the group the runbook made for them, keeping the
    /// groups they already have.
    func groupAttachments(in stage: StageTopology) -> [GroupAttachmentContext] {
        stage.resources(ofKinds: [.rds, .aurora, .redis, .ec2]).map { resource in
            let kind = resource.kind
            return GroupAttachmentContext(
                id: ShellWord(resource.id), name: ShellWord(resource.name),
                groupVariable: Self.securityGroupVariable(resource.id),
                currentVariable: RunbookNames.variable(resource.id) + "_GROUPS",
                isRDS: kind == .rds, isAurora: kind == .aurora, isRedis: kind == .redis, isEC2: kind == .ec2,
                instanceVariable: RunbookNames.variable(resource.id) + "_INSTANCE",
                nameFilter: ShellWord("Name=tag:Name,Values=\(resource.name)"),
                groupsQuery: ShellWord("CacheClusters[?ReplicationGroupId==\(RunbookNames.literal(resource.name))] | [0].SecurityGroups[].SecurityGroupId"))
        }
    }
}
