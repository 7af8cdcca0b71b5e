import TopographModel
import TopographInput
import TopographDiff

/// Compares a documented stage with what templates deploy. The templates are imported
/// (with AWS's defaults filled in, so "cross-zone off" and "not set" agree), paired with
/// the topology's resources by `ResourceMatcher`, and diffed by `TopologyDiffer`, the same
/// semantic model as `topograph diff`. Then only what the topology declares counts:
///
/// - a documented resource of a kind templates declare, with no counterpart;
/// - a template resource of a kind the topology documents, not documented;
/// - placement: the documented subnet or container is not where the template puts it;
/// - an attribute the topology declares and import can read, with another value;
/// - a documented connection the \(noun)'s security groups do not admit.
///
/// Labels, notes and whatever the topology leaves out never count.
package struct DriftChecker: Sendable {
    package init() {}

    /// Attributes a template can say (what `TopologyImporter` reads).
    static let readable: Set<String> = [
        "name", "cidr", "az", "access", "service", "endpoint_type", "private_dns", "api", "targets", "record", "scheme",
        "listeners", "health_check", "cross_zone", "enforce_privatelink_inbound_rules", "endpoint", "routes", "path_mapping",
        "stage_name", "authorizer", "request_headers", "launch", "containers", "desired", "min", "max", "service_connect",
        "discovery", "exec", "runtime", "instance_type", "instance_class", "target", "metric", "tls", "port", "engine", "public", "namespace",
        // The kinds of messaging, events, streaming and fleets (what `import aws` and the templates say alike).
        "fifo", "visibility_timeout", "retention", "delay", "dlq", "max_receive_count", "bus", "schedule", "type", "logging",
        "metric_namespace", "statistic", "comparison", "threshold", "period", "evaluation_periods", "watches", "actions",
        "launch_template", "health_check_type", "health_check_grace", "load_balancers", "connection_draining", "mode", "shards",
        "retention_hours", "source", "destination", "transform", "buffer_seconds", "buffer_mb", "alias", "version", "instance_types",
        "capacity", "cluster", "kafka_version", "brokers", "broker_type", "deployment", "node_type",
        // How resources behave over time (a function's timeout and failure destination, key and secret rotation, bus archive, EKS endpoint).
        "timeout", "on_failure", "rotation", "rotation_days", "archive_days", "endpoint_public", "endpoint_private", "public_cidrs",
    ]
    /// Attributes whose absence from a template resource means "none" rather than "unknown".
    static let absentMeansNone: Set<String> = ["authorizer", "discovery", "listeners", "routes", "targets", "request_headers", "path_mapping"]
    /// Lists compared as sets.
    static let unordered: Set<String> = ["listeners", "routes", "targets", "request_headers", "subnets", "actions", "load_balancers", "instance_types", "public_cidrs"]
    /// Kinds import reads for connections only, never as resources.
    static let folded: Set<KindID> = [.securityGroup, .iamRole]

    static func checkable(_ kind: KindID) -> Bool {
        !(KindIaCTypes.types(of: kind)?.cloudFormation.isEmpty ?? true) && !folded.contains(kind)
    }

    package func check(_ topology: LoadedTopology, stage: StageTopology, model: IaCModel) -> DriftReport {
        let imported = ResourceMatcher().adopt(ids: stage, into: TopologyImporter(effectiveDefaults: true).run(model))
        let deployed = imported.topology(name: stage.metadata.name, file: model.sources.first ?? "<templates>")
        let diff = TopologyDiffer().diff(old: deployed, new: stage)
        let documentedKinds = Set(stage.resources.map(\.kind))
        let noun = model.noun
        var findings: [DriftFinding] = []

        func templateLocation(_ id: String) -> SourceLocation? { imported.sourceByID[id]?.location }
        func templateName(_ id: String) -> String? {
            imported.sourceByID[id].map { "\($0.logicalID) (\($0.sourceType))" }
        }
        func missing(_ id: String, _ kind: KindID) {
            guard Self.checkable(kind), let resource = stage.resource(id), !Self.standsForService(resource) else { return }
            findings.append(DriftFinding(
                code: .missingInTemplate, subject: id,
                message: "\(id) (\(kind)) is documented, but no \(noun) resource is one (expected a \(KindIaCTypes.types(of: kind)?.cloudFormation.joined(separator: " or ") ?? kind.rawValue))",
                topologyLocation: resource.location))
        }
        func undocumented(_ id: String, _ kind: KindID) {
            guard Self.checkable(kind), documentedKinds.contains(kind), let source = imported.sourceByID[id],
                  !Self.impliedByTopology(kind, name: deployed.resource(id)?.fields["name"]?.stringValue, in: stage) else { return }
            findings.append(DriftFinding(
                code: .notDocumented, subject: source.logicalID,
                message: "the \(noun)'s \(kind) \(source.logicalID) (\(source.sourceType)) is not in the topology",
                templateLocation: source.location, templateResource: source.logicalID))
        }
        for change in diff.resources {
            switch change.kind {
            case .added: missing(change.id, change.resourceKind)
            case .removed: undocumented(change.id, change.resourceKind)
            case .renamed:
                missing(change.id, change.resourceKind)
                if let old = change.oldID { undocumented(old, change.resourceKind) }
            case .changed, .moved:
                guard let documented = stage.resource(change.id), let actual = deployed.resource(change.id) else { continue }
                findings += attributeFindings(documented, actual, change.attributes, where: templateLocation(change.id), template: templateName(change.id), placeholders: model.placeholders, noun: noun)
            }
        }
        for documented in stage.resources {
            guard let actual = deployed.resource(documented.id), actual.kind == documented.kind else { continue }
            if let finding = placementFinding(documented, actual, stage: stage, deployed: deployed, where: templateLocation(documented.id), template: templateName(documented.id), noun: noun) {
                findings.append(finding)
            }
        }
        findings += connectionFindings(stage, imported: imported, deployed: deployed, noun: noun)

        // Accepted differences.
        var used: Set<DriftIgnore> = []
        var kept: [DriftFinding] = []
        var ignored: [DriftFinding] = []
        for finding in findings {
            if let ignore = topology.document.driftIgnores.first(where: { Self.matches($0.entry, finding) }) {
                used.insert(ignore)
                ignored.append(finding)
            } else {
                kept.append(finding)
            }
        }
        kept.sort { ($0.location ?? SourceLocation(file: "~", line: 0, column: 0)) < ($1.location ?? SourceLocation(file: "~", line: 0, column: 0)) }
        let checkable = stage.resources.filter { Self.checkable($0.kind) }
        let paired = checkable.filter { deployed.resource($0.id)?.kind == $0.kind }.count
        return DriftReport(
            topology: topology.file, stage: stage.stage.name, templates: model.sources, source: model.noun == "template" ? "the templates" : "the \(model.noun)", findings: kept, ignored: ignored,
            unusedIgnores: topology.document.driftIgnores.filter { !used.contains($0) }, paired: paired, checkable: checkable.count)
    }

    static func matches(_ entry: String, _ finding: DriftFinding) -> Bool {
        func normalized(_ text: String) -> String {
            text.split(separator: " ").joined().replacingOccurrences(of: "->", with: " -> ")
        }
        let subject = normalized(finding.subject)
        let wanted = normalized(entry)
        if wanted == subject { return true }
        // `web` accepts every finding about web (`web.desired`, its placement).
        if let dot = subject.firstIndex(of: "."), String(subject[..<dot]) == wanted { return true }
        return finding.templateResource == entry
    }

    // MARK: - Attributes

    func attributeFindings(
        _ documented: Resource, _ actual: Resource, _ changes: [AttributeChange], where location: SourceLocation?, template: String?,
        placeholders: Placeholders = Placeholders(), noun: String = "template"
    ) -> [DriftFinding] {
        var seen: Set<String> = []
        var result: [DriftFinding] = []
        for change in changes {
            let name = String(change.path.split(separator: ".").first ?? "")
            guard Self.readable.contains(name), seen.insert(name).inserted, let declared = documented.fields[name] else { continue }
            let value = actual.fields[name]
            if value == nil, !Self.absentMeansNone.contains(name) { continue }  // the template does not say
            if let value, Self.agree(name, declared, value, placeholders: placeholders) { continue }
            let said = value.map { "says \($0.description)" } ?? "has none"
            result.append(DriftFinding(
                code: .attribute, subject: "\(documented.id).\(name)",
                message: "\(documented.id).\(name): the topology says \(declared.description), the \(noun) \(said)\(template.map { " (\($0))" } ?? "")",
                topologyLocation: documented.fieldLocations[name] ?? documented.location, templateLocation: location,
                templateResource: template, documented: declared, deployed: value))
        }
        return result
    }

    static func agree(_ name: String, _ documented: AttributeValue, _ deployed: AttributeValue, placeholders: Placeholders = Placeholders()) -> Bool {
        if documented == deployed { return true }
        // One of Topograph's placeholders says nothing; any other `<x>` is a value.
        if case .string(let text) = deployed, placeholders.appear(in: text) { return true }
        if unordered.contains(name), let a = documented.listValue, let b = deployed.listValue {
            return Set(a.map(\.description)) == Set(b.map(\.description))
        }
        if name == "containers", let a = documented.listValue, let b = deployed.listValue {
            func byName(_ items: [AttributeValue]) -> [String: AttributeValue] {
                Dictionary(items.compactMap { item in item["name"]?.stringValue.map { ($0, item) } }, uniquingKeysWith: { first, _ in first })
            }
            let (mine, theirs) = (byName(a), byName(b))
            guard Set(mine.keys) == Set(theirs.keys) else { return false }
            for (key, container) in mine {
                guard let other = theirs[key] else { return false }
                if let port = container["port"], let deployedPort = other["port"], port != deployedPort { return false }
                if let image = container["image"]?.stringValue, let deployedImage = other["image"]?.stringValue,
                   !placeholders.appear(in: image), !placeholders.appear(in: deployedImage), image != deployedImage { return false }
            }
            return true
        }
        return false
    }

    // MARK: - Placement

    func placementFinding(_ documented: Resource, _ actual: Resource, stage: StageTopology, deployed: StageTopology, where location: SourceLocation?, template: String?, noun: String = "template") -> DriftFinding? {
        var deployedSubnets = actual.subnets
        if let parent = actual.parent, deployed.resource(parent)?.kind == .subnet { deployedSubnets.append(parent) }
        let at = documented.fieldLocations["subnets"] ?? documented.fieldLocations["in"] ?? documented.location
        func finding(_ said: String) -> DriftFinding {
            let placed = deployedSubnets.isEmpty ? (actual.parent ?? "the top level") : deployedSubnets.joined(separator: ", ")
            return DriftFinding(
                code: .placement, subject: "\(documented.id).in",
                message: "\(documented.id): the topology places it \(said); the \(noun) puts it in \(placed)\(template.map { " (\($0))" } ?? "")",
                topologyLocation: at, templateLocation: location, templateResource: template)
        }
        if !documented.subnets.isEmpty {
            guard !deployedSubnets.isEmpty else { return nil }
            return Set(documented.subnets) == Set(deployedSubnets) ? nil : finding("in subnets \(documented.subnets.joined(separator: ", "))")
        }
        guard let parent = documented.parent, let container = stage.resource(parent) else { return nil }
        if container.kind == .subnet {
            guard !deployedSubnets.isEmpty else { return nil }
            return deployedSubnets.contains(parent) ? nil : finding("in \(parent)")
        }
        guard let deployedParent = actual.parent else { return nil }
        var chain = [deployedParent] + deployed.ancestors(of: deployedParent).map(\.id)
        for subnet in deployedSubnets { chain += [subnet] + deployed.ancestors(of: subnet).map(\.id) }
        return chain.contains(parent) ? nil : finding("in \(parent)")
    }

    // MARK: - Connections

    func connectionFindings(_ stage: StageTopology, imported: ImportResult, deployed: StageTopology, noun: String = "template") -> [DriftFinding] {
        var result: [DriftFinding] = []
        for connection in stage.connections {
            guard deployed.contains(connection.from), deployed.contains(connection.to),
                  let sources = imported.securityGroups[connection.from], let targets = imported.securityGroups[connection.to],
                  !sources.isEmpty, !targets.isEmpty else { continue }
            let rules = imported.ingress.filter { targets.contains($0.group) }
            let admitted = rules.contains { rule in
                (rule.fromCIDR || !Set(rule.sourceGroups).isDisjoint(with: sources)) && rule.admits(port: connection.port)
            }
            guard !admitted else { continue }
            let port = connection.port.map { " on port \($0)" } ?? ""
            result.append(DriftFinding(
                code: .connection, subject: connection.endpoints,
                message: "\(connection.endpoints): the \(noun)'s security groups do not admit \(connection.from) to \(connection.to)\(port)",
                topologyLocation: connection.location, templateLocation: imported.sourceByID[connection.to]?.location,
                templateResource: imported.sourceByID[connection.to]?.logicalID))
        }
        return result
    }
}
