import TopographModel
import TopographInput
import TopographDiff
/// Turns the resources of templates into a topology: kinds from the catalog's type table,
/// nesting from the properties that place a resource (`VpcId`, `SubnetId(s)`, subnet
/// groups, `AvailabilityZone`, ECS network configuration), attributes from the properties
/// that say them, and connections only where a property proves the traffic (see
/// `ImportConnections`). What a template cannot say (labels, notes, which service calls
/// which over Service Connect) is left out, never guessed.
package struct TopologyImporter: Sendable {
    /// Write AWS's documented defaults for attributes the template leaves unset (NLB
    /// cross-zone off, no TLS, ...). Drift needs them; `import` writes only what the
    /// template says, plus a load balancer's scheme.
    package var effectiveDefaults: Bool

    package init(effectiveDefaults: Bool = false) {
        self.effectiveDefaults = effectiveDefaults
    }

    package func run(_ model: IaCModel) -> ImportResult {
        let builder = ImportBuilder(model: model, effectiveDefaults: effectiveDefaults)
        return builder.build()
    }
}

/// The state of one import. A class so the per-concern extensions (attributes, placement,
/// connections) share lookups without passing them around.
final class ImportBuilder {
    let model: IaCModel
    let effectiveDefaults: Bool
    var byKey: [String: IaCResource] = [:]
    var byType: [String: [IaCResource]] = [:]
    /// Template resources that become topology resources, in template order, with their kind.
    var nodes: [(key: String, kind: String)] = []
    var kindByKey: [String: String] = [:]
    var idByKey: [String: String] = [:]
    var fields: [String: [(String, AttributeValue)]] = [:]
    var parent: [String: String] = [:]       // node key -> parent node key
    var subnetsOf: [String: [String]] = [:]   // node key -> subnet keys
    var connections: [ImportedEdge] = []
    var notes: [String: ImportNote] = [:]
    var noteOrder: [String] = []
    /// Resources made by the importer (zones, the internet): key -> (kind, id, fields).
    var synthetic: [String: (kind: String, id: String)] = [:]
    var usedIDs: Set<String> = []
    /// Security group key -> node keys holding it; the ingress rules of every group.
    var securityGroupMembers: [String: [String]] = [:]
    var ingressRules: [IngressRule] = []

    init(model: IaCModel, effectiveDefaults: Bool) {
        self.model = model
        self.effectiveDefaults = effectiveDefaults
        for resource in model.resources {
            byKey[resource.key] = resource
            byType[resource.type, default: []].append(resource)
        }
    }

    func build() -> ImportResult {
        classify()
        assignIDs()
        for node in nodes { if let resource = byKey[node.key] { fields[node.key] = attributes(of: resource, kind: node.kind) } }
        place()
        connect()
        return assemble()
    }

    // MARK: - Kinds

    func classify() {
        for resource in model.resources {
            if let kind = kind(of: resource) {
                nodes.append((resource.key, kind))
                kindByKey[resource.key] = kind
            }
        }
    }

    /// The kind a resource becomes, or nil after noting why it does not become one.
    func kind(of resource: IaCResource) -> String? {
        let type = resource.type
        switch type {
        case "AWS::ApiGatewayV2::Api":
            // One type for both protocols; HTTP is CloudFormation's default.
            return (resource["ProtocolType"]?.literal == "WEBSOCKET" ? KindID.websocketAPI : .httpAPI).rawValue
        case "AWS::ElasticLoadBalancingV2::LoadBalancer":
            switch resource["Type"]?.literal ?? "application" {
            case "network": return KindID.nlb.rawValue
            case "application": return KindID.alb.rawValue
            default:
                note(resource, .skipped, "gateway load balancers have no kind")
                return nil
            }
        case "AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ServerlessCache":
            let engine = (resource["Engine"]?.literal ?? "redis").lowercased()
            guard engine == "redis" || engine == "valkey" else {
                note(resource, .skipped, "only Redis (and Valkey) caches have a kind")
                return nil
            }
            // A cluster that belongs to a replication group is drawn as the group.
            if type == "AWS::ElastiCache::CacheCluster", resource["ReplicationGroupId"] != nil {
                note(resource, .folded, "a node of its replication group, which is imported")
                return nil
            }
            return KindID.redis.rawValue
        case "AWS::RDS::DBInstance":
            if resource["DBClusterIdentifier"] != nil {
                note(resource, .folded, "an instance of its Aurora cluster, which is imported")
                return nil
            }
            return KindID.rds.rawValue
        case "AWS::RDS::DBCluster":
            return KindID.aurora.rawValue
        case "AWS::ApiGatewayV2::Api" where Self.isWebSocket(resource):
            // WebSocket routes (`$connect`) are not HTTP routes: the WebSocket kind when the
            // catalog has one, else an HTTP API without routes.
            return KindCatalog.spec(KindID.websocketAPI.rawValue) != nil ? KindID.websocketAPI.rawValue : KindID.httpAPI.rawValue
        default: break
        }
        if let reason = ImportTypePolicy.folded[type] {
            note(resource, .folded, reason)
            return nil
        }
        if let reason = ImportTypePolicy.skipped[type] ?? ImportTypePolicy.notDrawn[type] {
            note(resource, .skipped, reason)
            return nil
        }
        if type.hasPrefix("Custom::") || type == "AWS::CloudFormation::CustomResource" {
            note(resource, .skipped, ImportTypePolicy.customResourceReason)
            return nil
        }
        let kinds = KindIaCTypes.kinds(cloudFormation: type).filter { $0 != KindID.securityGroup.rawValue && $0 != KindID.iamRole.rawValue }
        guard let kind = kinds.first else {
            if let reason = ImportTypePolicy.foldedWithoutKind[type] {
                note(resource, .folded, reason)
                return nil
            }
            note(resource, .skipped, ImportTypePolicy.unknownReason)
            return nil
        }
        return kind
    }

    static func isWebSocket(_ resource: IaCResource) -> Bool {
        resource["ProtocolType"]?.literal?.uppercased() == "WEBSOCKET"
    }

    func note(_ resource: IaCResource, _ outcome: ImportNote.Outcome, _ reason: String) {
        let key = resource.sourceType + "\u{0}" + reason
        if notes[key] == nil {
            notes[key] = ImportNote(type: resource.sourceType, outcome: outcome, reason: reason, count: 0, location: resource.location)
            noteOrder.append(key)
        }
        notes[key]?.count += 1
    }

    // MARK: - Ids

    /// Ids from logical ids (or construct paths); a resource of a nested stack whose id
    /// another resource also has is prefixed with its stack's logical id (`orders-dlq`, not `dlq-2`).
    func assignIDs() {
        var counts: [String: Int] = [:]
        let hint = { (key: String) in self.byKey[key]?.idHint ?? key }
        for node in nodes { counts[Self.slug(hint(node.key)), default: 0] += 1 }
        for node in nodes {
            var base = Self.slug(hint(node.key))
            let path = node.key.split(separator: "/").map(String.init)
            if counts[base, default: 0] > 1, path.count > 1 { base = Self.slug(path[path.count - 2] + "-" + hint(node.key)) }
            idByKey[node.key] = unique(base)
        }
    }

    func unique(_ base: String) -> String {
        var candidate = base
        var counter = 2
        while usedIDs.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        usedIDs.insert(candidate)
        return candidate
    }

    /// `PrivateSubnetA` -> `private-subnet-a`, `ALBListener` -> `alb-listener`, `Subnet1` -> `subnet-1`.
    static func slug(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        let scalars = Array(text.unicodeScalars)
        func isUpper(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) }
        func isLower(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        for (index, scalar) in scalars.enumerated() {
            guard isUpper(scalar) || isLower(scalar) || isDigit(scalar) else {
                if !current.isEmpty { words.append(current); current = "" }
                continue
            }
            if let previous = current.unicodeScalars.last {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let boundary = (isLower(previous) && isUpper(scalar))
                    || (isUpper(previous) && isUpper(scalar) && next.map(isLower) == true)
                    || (isDigit(previous) != isDigit(scalar))
                if boundary { words.append(current); current = "" }
            }
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { words.append(current) }
        return TopologyParser.slug(words.joined(separator: "-"))
    }

    // MARK: - Lookups

    /// The node keys a value references (resources that are drawn).
    func nodeKeys(_ value: IaCValue?) -> [String] {
        (value?.referencedKeys ?? []).filter { kindByKey[$0] != nil }
    }

    /// Resources of `type` one of whose properties at `path` references `key`.
    func referrers(_ type: String, _ property: String, to key: String) -> [IaCResource] {
        (byType[type] ?? []).filter { $0[property]?.referencedKeys.contains(key) == true }
    }

    func setField(_ key: String, _ name: String, _ value: AttributeValue?) {
        guard let value else { return }
        if let index = fields[key]?.firstIndex(where: { $0.0 == name }) {
            fields[key]?[index].1 = value
        } else {
            fields[key, default: []].append((name, value))
        }
    }

    func field(_ key: String, _ name: String) -> AttributeValue? {
        fields[key]?.first { $0.0 == name }?.1
    }
}
