import TopographModel

/// `StageTopology` -> `Diagram`: containers become clusters, everything else a node
/// styled by its kind's category.
package struct DiagramBuilder: Sendable {
    package var direction: DiagramDirection
    /// Per-element marks for a diff diagram (resource or container id -> mark).
    package var marks: [String: DiffMark]
    /// Per-edge marks for a diff diagram, keyed by `from -> to`.
    package var edgeMarks: [String: DiffMark]
    /// Resources and connections drawn as ghosts (removed since the old version).
    package var ghosts: [Resource]
    package var ghostConnections: [Connection]
    /// Words added to an element's caption ("renamed from uploads", "moved from public-b").
    package var annotations: [String: String]

    package init(direction: DiagramDirection = .leftToRight, marks: [String: DiffMark] = [:], edgeMarks: [String: DiffMark] = [:], ghosts: [Resource] = [], ghostConnections: [Connection] = [], annotations: [String: String] = [:]) {
        self.annotations = annotations
        self.direction = direction
        self.marks = marks
        self.edgeMarks = edgeMarks
        self.ghosts = ghosts
        self.ghostConnections = ghostConnections
    }

    package func build(_ topology: StageTopology) -> Diagram {
        // Ghosts join the topology so they sit where they used to; a ghost whose container
        // is gone is drawn at the top level.
        var resources = topology.resources
        let present = Set(resources.map(\.id))
        for ghost in ghosts where !present.contains(ghost.id) { resources.append(ghost) }
        let connections = topology.connections + ghostConnections
        let drawn = StageTopology(
            metadata: topology.metadata, stage: topology.stage, resources: resources,
            connections: connections, lintIgnores: topology.lintIgnores, file: topology.file)
        let ghostIDs = Set(ghosts.map(\.id)).subtracting(present)

        var zoneIDs: [String: String] = [:]
        for zone in drawn.resources where zone.kind == "availability-zone" {
            zoneIDs[zone.name] = zoneIDs[zone.name] ?? zone.id
            zoneIDs[zone.label] = zoneIDs[zone.label] ?? zone.id
        }
        var legend: [LegendEntry] = []
        var legendKinds: Set<String> = []
        func item(for resource: Resource) -> DiagramItem {
            let spec = KindCatalog.spec(resource.kind)
            let mark: DiffMark? = ghostIDs.contains(resource.id) ? .removed : marks[resource.id]
            if let spec, spec.isContainer {
                let children = drawn.children(of: resource.id).map(item(for:))
                return .container(DiagramContainer(
                    id: resource.id, label: resource.label, caption: annotated(caption(resource, spec: spec), resource.id), kind: resource.kind,
                    style: containerStyle(resource), link: resource.links.first, mark: mark, children: children))
            }
            let category = resolvedCategory(resource, spec: spec)
            if legendKinds.insert(resource.kind).inserted {
                legend.append(LegendEntry(kind: resource.kind, title: spec?.title ?? resource.kind, category: category, shape: spec?.shape ?? .box))
            }
            let spans = (resource.subnets.isEmpty ? resource.zones.compactMap { zoneIDs[$0] } : resource.subnets).filter { $0 != resource.parent && drawn.contains($0) }
            // Graphviz and Mermaid nest strictly, so a resource spanning several subnets or
            // zones sits in one container and names the others in its caption.
            let spanLabels = spans.compactMap { drawn.resource($0)?.label }
            let caption = annotated(spanLabels.isEmpty ? resource.kind : "\(resource.kind) · \(spanLabels.joined(separator: ", "))", resource.id)
            return .node(DiagramNode(
                id: resource.id, label: resource.label, caption: caption, kind: resource.kind,
                category: category, shape: spec?.shape ?? .box, link: resource.links.first, mark: mark, spans: spans))
        }
        let items = drawn.children(of: nil).map(item(for:))
        let containerIDs = Set(drawn.resources.filter { KindCatalog.spec($0.kind)?.isContainer == true }.map(\.id))
        let ghostEdges = Set(ghostConnections)
        let edges = connections.map { connection in
            DiagramEdge(
                from: connection.from, to: connection.to, label: connection.displayLabel,
                fromIsContainer: containerIDs.contains(connection.from), toIsContainer: containerIDs.contains(connection.to),
                mark: ghostEdges.contains(connection) ? .removed : edgeMarks[connection.endpoints])
        }
        var subtitle = topology.stage.name == StageInfo.defaultName ? nil : "Stage \(topology.stage.name)"
        if let title = topology.stage.title { subtitle = (subtitle.map { $0 + ": " } ?? "") + title }
        return Diagram(
            title: topology.metadata.displayTitle, subtitle: subtitle, direction: direction,
            items: items, edges: edges, legend: legend)
    }

    private func annotated(_ caption: String, _ id: String) -> String {
        guard let note = annotations[id] else { return caption }
        return caption.isEmpty ? note : "\(caption) · \(note)"
    }

    private func caption(_ resource: Resource, spec: KindSpec) -> String {
        switch resource.kind {
        case "vpc": return ["VPC", resource.string("cidr") ?? resource["cidr"]?.scalarText].compactMap { $0 }.joined(separator: " ")
        case "subnet":
            let access = resource.string("access").map { $0 == "public" ? "Public subnet" : "Private subnet" } ?? "Subnet"
            return [access, resource.string("az")].compactMap { $0 }.joined(separator: " · ")
        case "availability-zone": return "Availability zone"
        case "ecs-cluster": return "ECS cluster"
        default: return spec.title
        }
    }

    private func containerStyle(_ resource: Resource) -> ContainerStyle {
        switch resource.kind {
        case "vpc": return .vpc
        case "availability-zone": return .availabilityZone
        case "subnet":
            switch resource.string("access") {
            case "public": return .publicSubnet
            case "private": return .privateSubnet
            default: return .subnet
            }
        case "ecs-cluster": return .ecsCluster
        default: return .generic
        }
    }

    private func resolvedCategory(_ resource: Resource, spec: KindSpec?) -> KindCategory {
        if resource.kind == "generic", let raw = resource.string("category"), let category = KindCategory(rawValue: raw) {
            return category
        }
        return spec?.category ?? .generic
    }
}
