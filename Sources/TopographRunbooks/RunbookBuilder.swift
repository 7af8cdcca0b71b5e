import Foundation
import TopographModel

/// `StageTopology` -> the typed context of its runbook. Sections are present only when the
/// stage has what they are about. Every value the topology cannot know (ids AWS assigns,
/// endpoints) is a shell variable assigned by the command that finds it, earlier in the same
/// runbook; every create is preceded by the look-up that makes it idempotent.
package struct RunbookBuilder: Sendable {
    /// Restricts the sections to these resource ids (a migration's additions); nil: all.
    package var only: Set<String>?

    package init(only: Set<String>? = nil) {
        self.only = only
    }

    func includes(_ resource: Resource) -> Bool { only?.contains(resource.id) ?? true }

    package func context(for given: StageTopology) -> StageContext {
        let stage = RunbookNames.withAWSNames(given)
        let region = stage.metadata.region ?? "us-east-1"
        return StageContext(
            marker: GeneratedMarker.htmlComment(source: stage.file, stage: stage.stage.name),
            title: ProseText(stage.metadata.displayTitle),
            hasStage: stage.stage.name != StageInfo.defaultName,
            stageName: ProseText(stage.stage.name),
            stageTitle: ProseText(stage.stage.title ?? ""),
            stageDescription: stage.stage.description.map { MarkdownText.block($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? "",
            source: ShellWord(stage.file),
            setup: setup(in: stage, region: region),
            gateways: gateways(in: stage),
            endpoints: endpoints(in: stage, region: region),
            images: images(in: stage),
            roles: roles(in: stage),
            loadBalancers: loadBalancers(in: stage),
            records: aliasRecords(in: stage),
            services: services(in: stage),
            databases: databases(in: stage),
            sessionStores: sessionStores(in: stage),
            httpApis: httpAPIs(in: stage),
            restApis: restAPIs(in: stage),
            smokeTests: only == nil ? smokeTests(in: stage) : [],
            loadTest: only == nil ? loadTest(in: stage) : nil,
            autoscaling: autoscaling(in: stage),
            blockPrefix: Self.blockPrefix(stage.stage.name == StageInfo.defaultName ? nil : stage.stage.name),
            rollback: only == nil ? MigrationBuilder.removals(of: stage.resources, in: stage, prefix: "rollback-") : [],
            hasRollback: false, rollbackConfirm: ShellQuote.word("rollback-\(stage.stage.name)"),
            serviceChecks: serviceChecks(in: stage, region: region),
            provisioned: provisioned(in: stage), found: found(in: stage)).withRollbackFlag()
    }

    /// `V2` -> `v2-`: block names are `[a-z0-9-]`, stable across regenerations.
    static func blockPrefix(_ parts: String?...) -> String {
        let words = parts.compactMap { $0 }.map { part in
            part.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
        }
        return words.isEmpty ? "" : words.joined(separator: "-to-") + "-"
    }

    // MARK: - Set-up

    func setup(in stage: StageTopology, region: String) -> SetupContext {
        let vpc = stage.resources(ofKind: .vpc).first
        let vpcFilter = vpc.map { vpc in
            vpc.string("cidr").map { "Name=cidr,Values=\($0)" } ?? "Name=tag:Name,Values=\(vpc.name)"
        } ?? ""
        let subnets: [SubnetContext] = vpc == nil ? [] : stage.resources(ofKind: .subnet).map { subnet in
            SubnetContext(
                variable: "SUBNET_" + RunbookNames.variable(subnet.id),
                filter: ShellWord(subnet.string("cidr").map { "Name=cidr-block,Values=\($0)" } ?? "Name=tag:Name,Values=\(subnet.name)"),
                label: ShellWord(subnet.id),
                guardLine: ": \"${SUBNET_\(RunbookNames.variable(subnet.id)):?no subnet \(subnet.id) in the VPC matches the filter above}\"")
        }
        let groups: [SecurityGroupContext] = vpc == nil ? [] : securityGroupOwners(in: stage).map { owner -> SecurityGroupContext in
            let name = RunbookNames.valid("\(stage.metadata.name)-\(owner.id)", limit: 255)
            return SecurityGroupContext(
                variable: Self.securityGroupVariable(owner.id),
                name: ShellWord(name),
                purpose: ShellWord("\(owner.kind.spec?.title ?? owner.kind.rawValue) \(owner.id) (Topograph runbook)"),
                lookupQuery: ShellWord("SecurityGroups[0].GroupId"))
        }
        return SetupContext(
            region: ShellWord(region), hasVpc: vpc != nil, vpcFilter: ShellWord(vpcFilter), subnets: subnets, securityGroups: groups,
            rules: vpc == nil ? [] : ingressRules(in: stage), attachments: vpc == nil ? [] : groupAttachments(in: stage))
    }

    static func securityGroupVariable(_ id: String) -> String { RunbookNames.variable(id) + "_SG" }

    /// The subnets a resource spans: `subnets:`, its enclosing subnet, else the stage's private ones.
    func subnets(of resource: Resource, in stage: StageTopology) -> [String] {
        if !resource.subnets.isEmpty { return resource.subnets }
        if let subnet = stage.enclosing(resource.id, kinds: [.subnet]) { return [subnet.id] }
        let privateOnes = stage.resources(ofKind: .subnet).filter { $0.string("access") != "public" }.map(\.id)
        return privateOnes.isEmpty ? stage.resources(ofKind: .subnet).map(\.id) : privateOnes
    }

    func endpoints(in stage: StageTopology, region: String) -> [EndpointContext] {
        stage.resources(ofKind: .vpcEndpoint).filter(includes).map { endpoint in
            let service = endpoint.string("service") ?? "execute-api"
            let serviceName = "com.amazonaws.\(region).\(service)"
            // Gateway (s3, dynamodb) and interface endpoints alike answer on the service's
            // regional name; with private DNS that name resolves to the interface endpoint.
            let dnsName = "\(service).\(region).amazonaws.com"
            return EndpointContext(
                id: ShellWord(endpoint.id), variable: RunbookNames.variable(endpoint.id) + "_ID",
                serviceName: ShellWord(serviceName), isInterface: endpoint.string("endpoint_type") != "gateway",
                privateDNS: endpoint.bool("private_dns") == true,
                subnetWords: RunbookNames.subnetWords(subnets(of: endpoint, in: stage)),
                securityGroupVariable: Self.securityGroupVariable(endpoint.id),
                lookupFilter: ShellWord("Name=service-name,Values=\(serviceName)"),
                privateDNSName: ShellWord(dnsName))
        }
    }

    // MARK: - Shared pieces

    /// The cluster an ECS service runs in: `cluster:`, else the enclosing ecs-cluster.
    static func clusterName(of service: Resource, in stage: StageTopology) -> String {
        if let id = service.string("cluster"), let cluster = stage.resource(id) { return cluster.name }
        return stage.enclosing(service.id, kinds: [.ecsCluster])?.name ?? "default"
    }

    static func container(of service: Resource) -> (name: String, image: String, port: Int?) {
        let first = service["containers"]?.listValue?.first
        return (first?["name"]?.scalarText ?? service.name, first?["image"]?.scalarText ?? "\(service.name):latest", first?["port"]?.intValue)
    }

    func serviceRef(_ service: Resource, in stage: StageTopology) -> ServiceRef {
        ServiceRef(
            name: ShellWord(service.name), cluster: ShellWord(Self.clusterName(of: service, in: stage)),
            container: ShellWord(Self.container(of: service).name), variable: RunbookNames.variable(service.id))
    }

    static let emptyRef = ServiceRef(name: ShellWord(""), cluster: ShellWord(""), container: ShellWord(""), variable: "")

    /// Targets reached from `resource` over connections (and `vpc-link.targets`).
    func targets(of resource: Resource, in stage: StageTopology, kinds: Set<KindID>) -> [Resource] {
        var ids = resource.strings("targets")
        for connection in stage.outgoing(resource.id) where !ids.contains(connection.to) { ids.append(connection.to) }
        return ids.compactMap { stage.resource($0) }.filter { kinds.contains($0.kind) }
    }
}
