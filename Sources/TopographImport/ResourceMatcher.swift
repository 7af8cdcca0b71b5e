import TopographModel
import TopographInput
import TopographDiff
/// Pairs the resources of an imported topology with those of a hand-written one, so drift
/// (and `import --ids-from`) compares like with like. Ids rarely agree (`WebService` vs
/// `web`), so resources are paired, within one kind, by the strongest evidence first:
///
/// 1. a `topograph:id` tag on the template resource;
/// 2. the same AWS name (`name:`), the same address range (`cidr:`), or for VPC endpoints
///    the same AWS service (`service:`);
/// 3. the same id, or the same words once kind words are dropped (`private-subnet-a` ~ `private-a`);
/// 4. position: the only candidate inside the paired container, or the container holding
///    the paired children (zones, found through their subnets);
/// 5. the only one of its kind left on each side.
package struct ResourceMatcher: Sendable {
    package init() {}

    /// Imported id -> topology id. Each rule looks candidates up in an index built once (by
    /// kind and name, cidr, stem or container) and keeps those still unpaired: linear in the
    /// resources, where filtering every resource per resource took 27 s at 5,000.
    package func match(topology: StageTopology, imported: ImportResult) -> [String: String] {
        var pairs: [String: String] = [:]
        var taken: Set<String> = []
        let importedResources = imported.resources
        func pair(_ importedID: String, _ topologyID: String) {
            guard pairs[importedID] == nil, !taken.contains(topologyID) else { return }
            pairs[importedID] = topologyID
            taken.insert(topologyID)
        }
        let importedByKind = Dictionary(grouping: importedResources, by: \.kind)
        let topologyByKind = Dictionary(grouping: topology.resources, by: \.kind)
        let importedByID = Dictionary(importedResources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func unpairedImported(_ kind: KindID) -> [Resource] { (importedByKind[kind] ?? []).filter { pairs[$0.id] == nil } }
        func unpairedTopology(_ kind: KindID) -> [Resource] { (topologyByKind[kind] ?? []).filter { !taken.contains($0.id) } }
        /// Topology resources of a kind by a key (name, cidr, stem, container), in file order.
        func index(_ resources: [Resource], _ key: (Resource) -> String?) -> [String: [Resource]] {
            var result: [String: [Resource]] = [:]
            for resource in resources { if let value = key(resource) { result[value, default: []].append(resource) } }
            return result
        }
        let kinds = Set(importedResources.map(\.kind))

        // 1. Tags.
        for resource in importedResources {
            if let source = imported.sourceByID[resource.id], let id = ImportBuilder.tag("topograph:id", of: source)?.literal,
               topology.resource(id)?.kind == resource.kind {
                pair(resource.id, id)
            }
        }
        // 2. AWS names, when unique on both sides; 2b. the same address range (VPCs, subnets);
        // 2c. the same AWS service (VPC endpoints: AWS names them only by id, one per service).
        for field in ["name", "cidr", "service"] {
            for kind in kinds where field != "service" || kind == .vpcEndpoint {
                let byValue = index(topologyByKind[kind] ?? []) { $0.fields[field]?.stringValue }
                for resource in unpairedImported(kind) {
                    guard let value = resource.fields[field]?.stringValue, field != "name" || !value.contains("<") else { continue }
                    let candidates = (byValue[value] ?? []).filter { !taken.contains($0.id) }
                    if candidates.count == 1 { pair(resource.id, candidates[0].id) }
                }
            }
        }
        // 3. Ids and words.
        for kind in kinds {
            for resource in unpairedImported(kind) where topology.resource(resource.id)?.kind == kind && !taken.contains(resource.id) {
                pair(resource.id, resource.id)
            }
            let words = Self.kindWords[kind] ?? []
            func stem(_ id: String) -> String { id.split(separator: "-").filter { !words.contains(String($0)) }.joined(separator: "-") }
            let topologyByStem = index(topologyByKind[kind] ?? []) { stem($0.id) }
            let importedByStem = index(importedByKind[kind] ?? []) { stem($0.id) }
            for resource in unpairedImported(kind) {
                let mine = stem(resource.id)
                guard !mine.isEmpty else { continue }
                let candidates = (topologyByStem[mine] ?? []).filter { !taken.contains($0.id) }
                let rivals = (importedByStem[mine] ?? []).filter { pairs[$0.id] == nil }
                if candidates.count == 1, rivals.count == 1 { pair(resource.id, candidates[0].id) }
            }
        }
        // 4 and 5, until nothing changes.
        var changed = true
        while changed {
            changed = false
            let before = pairs.count
            let reverse = Dictionary(pairs.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
            for kind in kinds {
                let importedByParent = index(importedByKind[kind] ?? []) { $0.parent }
                let topologyByParent = index(topologyByKind[kind] ?? []) { $0.parent }
                for resource in unpairedTopology(kind) {
                    if let parent = resource.parent, let importedParent = reverse[parent] {
                        let candidates = (importedByParent[importedParent] ?? []).filter { pairs[$0.id] == nil }
                        let rivals = (topologyByParent[parent] ?? []).filter { !taken.contains($0.id) }
                        if candidates.count == 1, rivals.count == 1 { pair(candidates[0].id, resource.id); continue }
                    }
                    let children = topology.children(of: resource.id).compactMap { reverse[$0.id] }
                    let holders = Set(children.compactMap { importedByID[$0]?.parent })
                        .filter { holder in importedByID[holder]?.kind == kind && pairs[holder] == nil }
                    if holders.count == 1, let holder = holders.first { pair(holder, resource.id) }
                }
                let left = unpairedImported(kind)
                let wanted = unpairedTopology(kind)
                if left.count == 1, wanted.count == 1 { pair(left[0].id, wanted[0].id) }
            }
            changed = pairs.count != before
        }
        return pairs
    }

    /// The import with the topology's ids where resources pair up; the rest keep theirs,
    /// renamed only if a topology id is in the way.
    package func adopt(ids topology: StageTopology, into result: ImportResult) -> ImportResult {
        let pairs = match(topology: topology, imported: result)
        var used = Set(pairs.values)
        var renames: [String: String] = [:]
        for resource in result.resources {
            if let id = pairs[resource.id] { renames[resource.id] = id; continue }
            var candidate = resource.id
            var counter = 2
            while used.contains(candidate) { candidate = "\(resource.id)-\(counter)"; counter += 1 }
            used.insert(candidate)
            renames[resource.id] = candidate
        }
        return Self.rename(result, renames)
    }

    static let referenceFields = ["in", "subnets", "cluster", "authorizer", "targets", "discovery", "target"]

    static func rename(_ result: ImportResult, _ renames: [String: String]) -> ImportResult {
        var renamed = result
        func map(_ value: AttributeValue) -> AttributeValue {
            switch value {
            case .string(let id): .string(renames[id] ?? id)
            case .list(let items): .list(items.map(map))
            default: value
            }
        }
        renamed.resources = result.resources.map { resource in
            var copy = resource
            copy.id = renames[resource.id] ?? resource.id
            for name in referenceFields { if let value = copy.fields[name] { copy.fields[name] = map(value) } }
            return copy
        }
        renamed.connections = result.connections.map { connection in
            var copy = connection
            copy.from = renames[connection.from] ?? connection.from
            copy.to = renames[connection.to] ?? connection.to
            return copy
        }
        renamed.idsByKey = result.idsByKey.mapValues { renames[$0] ?? $0 }
        renamed.securityGroups = Dictionary(result.securityGroups.map { (renames[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        renamed.sourceByID = Dictionary(result.sourceByID.map { (renames[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        return renamed
    }

    /// Words that only repeat the kind (`web-service` is the service `web`).
    static let kindWords: [KindID: Set<String>] = firstKindsWords.merging(
        KindCatalog.all.filter { !$0.idWords.isEmpty }.map { ($0.id, $0.idWords) }, uniquingKeysWith: { $1 })

    private static let firstKindsWords: [KindID: Set<String>] = [
        .vpc: ["vpc"], .subnet: ["subnet"], .availabilityZone: ["az", "zone"],
        .internetGateway: ["internet", "gateway", "igw"], .natGateway: ["nat", "gateway", "ngw"],
        .vpcEndpoint: ["vpc", "endpoint", "vpce"], .vpcLink: ["vpc", "link"],
        .route53: ["dns", "record", "set", "route53"], .cloudfront: ["distribution", "cdn", "cloudfront"],
        .waf: ["waf", "web", "acl"], .cognito: ["user", "pool", "cognito"],
        .alb: ["alb", "lb", "load", "balancer", "elb"], .nlb: ["nlb", "lb", "load", "balancer", "elb"],
        .httpAPI: ["api", "http", "gateway"], .restAPI: ["api", "rest", "gateway"],
        .ecsCluster: ["ecs", "cluster"], .ecsService: ["ecs", "service", "svc"],
        .lambda: ["lambda", "function", "fn"], .ec2: ["ec2", "instance"],
        .autoscaling: ["scaling", "scalable", "target", "autoscaling"],
        .redis: ["redis", "cache", "elasticache", "replication", "group", "cluster"],
        .rds: ["rds", "db", "database", "instance"], .aurora: ["aurora", "db", "database", "cluster"],
        .dynamodb: ["dynamodb", "table"], .s3: ["s3", "bucket"], .ecr: ["ecr", "repository", "repo"],
        .cloudwatch: ["log", "logs", "group", "cloudwatch"], .cloudMap: ["namespace", "cloud", "map", "discovery"],
    ]
}
