import TopographModel

/// `StageTopology` -> `Diagram`: containers become clusters, everything else a node
/// styled by its kind's category.
package struct DiagramBuilder: Sendable {
    package var direction: DiagramDirection
    /// The marks and ghosts of a diff diagram; empty for a plain one.
    package var overlay: DiffOverlay

    package init(direction: DiagramDirection = .leftToRight, overlay: DiffOverlay = DiffOverlay()) {
        self.direction = direction
        self.overlay = overlay
    }

    package func build(_ topology: StageTopology) -> Diagram {
        // Ghosts join the topology so they sit where they used to; a ghost whose container
        // is gone is drawn at the top level.
        var resources = topology.resources
        let present = Set(resources.map(\.id))
        for ghost in overlay.ghosts where !present.contains(ghost.id) { resources.append(ghost) }
        let connections = topology.connections + overlay.ghostConnections
        let drawn = StageTopology(
            metadata: topology.metadata, stage: topology.stage, resources: resources,
            connections: connections, lintIgnores: topology.lintIgnores, file: topology.file)
        let ghostIDs = Set(overlay.ghosts.map(\.id)).subtracting(present)

        // Subnets that name their zone (`az:`) outside any availability-zone resource are
        // grouped into a zone frame of their own, so the zones show whatever way the file
        // writes them.
        var zoneIDs: [String: String] = [:]
        for zone in drawn.resources where zone.kind == .availabilityZone {
            zoneIDs[zone.name] = zoneIDs[zone.name] ?? zone.id
            zoneIDs[zone.label] = zoneIDs[zone.label] ?? zone.id
        }
        var syntheticZone: [String: String] = [:]
        for subnet in drawn.resources where subnet.kind == .subnet {
            guard let az = subnet.string("az"), drawn.resource(subnet.parent ?? "")?.kind != .availabilityZone else { continue }
            let id = zoneIDs[az] ?? Self.zoneContainerID(az)
            if zoneIDs[az] == nil { zoneIDs[az] = id }
            if id == Self.zoneContainerID(az) { syntheticZone[subnet.id] = id }
        }
        var legend: [LegendEntry] = []
        var legendKinds: Set<String> = []
        func items(in parent: String?) -> [DiagramItem] {
            var result: [DiagramItem] = []
            var zoneSlots: [String: Int] = [:]
            for child in drawn.children(of: parent) {
                guard let zone = syntheticZone[child.id] else {
                    result.append(item(for: child))
                    continue
                }
                if zoneSlots[zone] == nil {
                    zoneSlots[zone] = result.count
                    let az = String(zone.dropFirst(Self.zoneContainerID("").count))
                    result.append(.container(DiagramContainer(
                        id: zone, label: az, caption: "Availability zone", kind: KindID.availabilityZone.rawValue,
                        style: .availabilityZone, children: [])))
                }
                if case .container(var frame) = result[zoneSlots[zone]!] {
                    frame.children.append(item(for: child))
                    result[zoneSlots[zone]!] = .container(frame)
                }
            }
            return result
        }
        func item(for resource: Resource) -> DiagramItem {
            let spec = KindCatalog.spec(resource.kind)
            let mark: DiffMark? = ghostIDs.contains(resource.id) ? .removed : overlay.marks[resource.id]
            if let spec, spec.isContainer {
                let children = items(in: resource.id)
                return .container(DiagramContainer(
                    id: resource.id, label: resource.label, caption: annotated(caption(resource, spec: spec), resource.id), kind: resource.kind.rawValue,
                    style: containerStyle(resource), link: resource.links.first, mark: mark, children: children))
            }
            let category = resolvedCategory(resource, spec: spec)
            if legendKinds.insert(resource.kind.rawValue).inserted {
                legend.append(LegendEntry(kind: resource.kind.rawValue, title: spec?.title ?? resource.kind.rawValue, category: category, shape: spec?.shape ?? .box))
            }
            let placements = (resource.subnets.isEmpty ? resource.zones.compactMap { zoneIDs[$0] } : resource.subnets)
                .filter { drawn.contains($0) || $0.hasPrefix(Self.zoneContainerID("")) }
            let spans = placements.filter { $0 != resource.parent }
            // Mermaid nests strictly and stays small, so a resource spanning several subnets
            // or zones sits in one container and names the others in its caption; Graphviz
            // draws it in each (`ReferenceLayout`).
            // The count, not the names: the frames are drawn, and names made Mermaid too wide.
            let unit = resource.subnets.isEmpty ? "zones" : "subnets"
            let caption = annotated(spans.isEmpty ? resource.kind.rawValue : "\(resource.kind) · \(placements.count) \(unit)", resource.id)
            let written = resource.fields["name"]?.scalarText
            return .node(DiagramNode(
                id: resource.id, label: resource.label, caption: caption, kind: resource.kind.rawValue,
                category: category, shape: spec?.shape ?? .box, link: resource.links.first, mark: mark, spans: spans,
                name: written == resource.label ? nil : written, placements: placements,
                icon: resource.kind == .generic ? resource.string("icon") : nil))
        }
        let items = items(in: nil)
        let containerIDs = Set(drawn.resources.filter { KindCatalog.spec($0.kind)?.isContainer == true }.map(\.id))
        let ghostEdges = Set(overlay.ghostConnections)
        var edges = connections.map { connection in
            DiagramEdge(
                from: connection.from, to: connection.to,
                label: connection.displayLabel ?? drawn.resource(connection.from)?.kind.spec?.connectionMeaning,
                fromIsContainer: containerIDs.contains(connection.from), toIsContainer: containerIDs.contains(connection.to),
                mark: ghostEdges.contains(connection) ? .removed : overlay.edgeMarks[DiffOverlay.Endpoints(connection)])
        }
        edges += associations(drawn, connections: connections, containers: containerIDs)
        var subtitle = topology.stage.name == StageInfo.defaultName ? nil : "Stage \(topology.stage.name)"
        if let title = topology.stage.title { subtitle = (subtitle.map { $0 + ": " } ?? "") + title }
        var diagram = Diagram(
            title: topology.metadata.displayTitle, subtitle: subtitle, direction: direction,
            items: items, edges: edges, legend: legend, region: topology.metadata.region)
        diagram.stageName = topology.stage.name == StageInfo.defaultName ? nil : topology.stage.name
        return diagram
    }

    /// Id of a zone frame drawn for subnets' `az:`; `@` keeps it apart from resource ids.
    static func zoneContainerID(_ az: String) -> String { "@az-" + az }

    /// Attributes that name another resource (`target:`, `discovery:`, `authorizer:`,
    /// `targets:`) as dotted association edges, so nothing linked only by an attribute
    /// floats unconnected. Structural references (`in:`, `subnets:`, a service's own
    /// `cluster:`) and pairs a connection already joins are left out.
    private func associations(_ topology: StageTopology, connections: [Connection], containers: Set<String>) -> [DiagramEdge] {
        var joined = Set(connections.flatMap { ["\($0.from)\u{0}\($0.to)", "\($0.to)\u{0}\($0.from)"] })
        var result: [DiagramEdge] = []
        for resource in topology.resources {
            guard let spec = KindCatalog.spec(resource.kind) else { continue }
            for attribute in spec.attributes where Self.isReference(attribute.type) && attribute.isDrawn {
                guard attribute.name != "cluster" || resource.parent != resource.string("cluster") else { continue }
                let value = resource[attribute.name]
                let targets = value?.listValue != nil ? value?.stringList ?? [] : value?.stringValue.map { [$0] } ?? []
                for target in targets where topology.contains(target) && target != resource.id {
                    guard joined.insert("\(resource.id)\u{0}\(target)").inserted else { continue }
                    joined.insert("\(target)\u{0}\(resource.id)")
                    result.append(DiagramEdge(
                        from: resource.id, to: target, label: attribute.name,
                        fromIsContainer: containers.contains(resource.id), toIsContainer: containers.contains(target),
                        style: .association))
                }
            }
        }
        return result
    }

    private static func isReference(_ type: AttributeType) -> Bool {
        switch type {
        case .reference: true
        case .list(let element): isReference(element)
        default: false
        }
    }

    private func annotated(_ caption: String, _ id: String) -> String {
        guard let note = overlay.annotations[id] else { return caption }
        return caption.isEmpty ? note : "\(caption) · \(note)"
    }

    private func caption(_ resource: Resource, spec: KindSpec) -> String {
        switch resource.kind {
        case .vpc: return ["VPC", resource.string("cidr") ?? resource["cidr"]?.scalarText].compactMap { $0 }.joined(separator: " ")
        case .subnet:
            let access = resource.string("access").map { $0 == "public" ? "Public subnet" : "Private subnet" } ?? "Subnet"
            return [access, resource.string("az")].compactMap { $0 }.joined(separator: " · ")
        case .availabilityZone: return "Availability zone"
        case .ecsCluster: return "ECS cluster"
        default: return spec.title
        }
    }

    private func containerStyle(_ resource: Resource) -> ContainerStyle {
        switch resource.kind {
        case .vpc: return .vpc
        case .availabilityZone: return .availabilityZone
        case .subnet:
            switch resource.string("access") {
            case "public": return .publicSubnet
            case "private": return .privateSubnet
            default: return .subnet
            }
        case .ecsCluster: return .ecsCluster
        default: return .generic
        }
    }

    private func resolvedCategory(_ resource: Resource, spec: KindSpec?) -> KindCategory {
        if resource.kind == .generic, let raw = resource.string("category"), let category = KindCategory(rawValue: raw) {
            return category
        }
        return spec?.category ?? .generic
    }
}
