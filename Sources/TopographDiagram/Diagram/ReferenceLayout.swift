import TopographModel

/// `Diagram` -> `Diagram` for Graphviz, arranged as AWS reference diagrams are:
/// - a resource declared in several subnets or zones (`subnets:`, `zones:`) is drawn in each
///   of them, with its logical frame (an ECS cluster) repeated around it, so no zone it uses
///   looks empty; its edges run between the copies of the same zone;
/// - everything in AWS sits in an AWS Cloud frame, regional resources in a Region frame,
///   people and outside systems outside both;
/// - an internet gateway sits outside its VPC, held next to it.
/// Graphviz clusters nest strictly, which is why spanning is done by copies, not by one
/// node in two frames. Mermaid keeps the plain diagram (one node, spans in its caption).
package struct ReferenceLayout: Sendable {
    package init() {}

    package func apply(_ diagram: Diagram) -> Diagram {
        var tree = FlatTree(diagram.items)
        var edges = spread(&tree, edges: diagram.edges)
        edges += frame(&tree, region: diagram.region)
        var result = diagram
        result.items = tree.items(of: nil)
        result.edges = edges
        return result
    }

    static let placementStyles: Set<ContainerStyle> = [.availabilityZone, .publicSubnet, .privateSubnet, .subnet]
    static let globalKinds = Set([KindID.route53, .cloudfront, .iamRole].map(\.rawValue))

    // MARK: spanning resources

    private func spread(_ tree: inout FlatTree, edges: [DiagramEdge]) -> [DiagramEdge] {
        var copies: [String: [(id: String, zone: String?)]] = [:]
        var containerCopies: [String: [(id: String, zone: String?)]] = [:]
        var emptied: Set<String> = []
        for id in tree.depthFirstNodes() {
            guard var node = tree.nodes[id] else { continue }
            let targets = node.placements.filter { tree.containers[$0] != nil }
            guard !targets.isEmpty else { continue }
            let ancestors = tree.ancestors(of: id)
            if targets.count == 1, ancestors.contains(targets[0]) { continue }
            // Drawn in each place it spans, the caption no longer counts them.
            for unit in ["subnets", "zones"] {
                node.caption = node.caption.replacingOccurrences(of: " · \(node.placements.count) \(unit)", with: "")
            }
            tree.nodes[id] = node
            var drawn: [(id: String, zone: String?)] = []
            let primaryStays = targets.contains { ancestors.contains($0) }
            // The logical frames between the node and each subnet's branch (an ECS cluster
            // in the VPC), to repeat inside the subnet; worked out before anything moves.
            let chains = targets.map { target -> [String] in
                var chain: [String] = []
                let targetAncestors = Set(tree.ancestors(of: target) + [target])
                for current in ancestors {
                    guard !targetAncestors.contains(current), let container = tree.containers[current],
                          !Self.placementStyles.contains(container.style) else { break }
                    chain.append(current)
                }
                return chain
            }
            for (index, target) in targets.enumerated() {
                if ancestors.contains(target) {
                    drawn.append((id, tree.zone(of: target)))
                    continue
                }
                let chain = chains[index]
                var inside = target
                for logical in chain.reversed() {
                    let copyID = "\(logical)@\(target)"
                    if tree.containers[copyID] == nil, var copy = tree.containers[logical] {
                        copy.id = copyID
                        tree.add(container: copy, in: inside)
                        containerCopies[logical, default: []].append((copyID, tree.zone(of: target)))
                        emptied.insert(logical)
                    }
                    inside = copyID
                }
                let moveOriginal = !primaryStays && index == 0
                var copy = node
                copy.id = moveOriginal ? id : "\(id)@\(target)"
                copy.resource = node.resource
                if moveOriginal {
                    tree.remove(id)
                    node = copy
                }
                tree.add(node: copy, in: inside)
                drawn.append((copy.id, tree.zone(of: target)))
            }
            copies[id] = drawn
        }
        // A logical frame whose every member moved into the subnets is drawn only as copies.
        var removedFrames: Set<String> = []
        for frame in emptied where tree.children[frame, default: []].isEmpty {
            tree.remove(frame)
            removedFrames.insert(frame)
        }
        func ends(_ id: String) -> [(id: String, zone: String?)] {
            if let list = copies[id] { return list }
            if removedFrames.contains(id), let list = containerCopies[id] { return list }
            return [(id, nil)]
        }
        var result: [DiagramEdge] = []
        for edge in edges {
            let tails = ends(edge.from)
            let heads = ends(edge.to)
            // Copies of one resource stand together: copies of both ends pair up zone by
            // zone; a single end meets the copy in its own zone, else the first one (an
            // edge to every copy crosses the others); a reference joins first copies only.
            var pairs: [(String, String)] = []
            if edge.style != .association, tails.count > 1, heads.count > 1 {
                for tail in tails {
                    for head in heads where head.zone != nil && head.zone == tail.zone { pairs.append((tail.id, head.id)) }
                }
            } else if edge.style != .association, tails.count > 1 {
                let zone = tree.zone(of: heads[0].id)
                pairs = [(tails.first { $0.zone == zone }?.id ?? tails[0].id, heads[0].id)]
            } else if edge.style != .association, heads.count > 1 {
                let zone = tree.zone(of: tails[0].id)
                pairs = [(tails[0].id, heads.first { $0.zone == zone }?.id ?? heads[0].id)]
            }
            if pairs.isEmpty { pairs = [(tails[0].id, heads[0].id)] }
            for (offset, pair) in pairs.enumerated() {
                var copy = edge
                copy.from = pair.0
                copy.to = pair.1
                if offset > 0 { copy.label = nil }
                result.append(copy)
            }
        }
        return result
    }

    // MARK: AWS Cloud and Region frames, internet gateways

    private func frame(_ tree: inout FlatTree, region: String?) -> [DiagramEdge] {
        var extra: [DiagramEdge] = []
        // Internet gateways: out of the VPC, next to it.
        for id in tree.depthFirstNodes() {
            guard let node = tree.nodes[id], node.kind == KindID.internetGateway.rawValue,
                  let parentID = tree.parent[id] ?? nil, let vpc = tree.containers[parentID], vpc.style == .vpc else { continue }
            let grand = tree.parent[parentID] ?? nil
            tree.remove(id)
            tree.add(node: node, in: grand, before: parentID)
            extra.append(DiagramEdge(from: id, to: parentID, label: nil, toIsContainer: true, style: .layout))
        }
        let top = tree.children[nil, default: []]
        func isOutside(_ id: String) -> Bool { tree.nodes[id]?.category == .external }
        let inside = top.filter { !isOutside($0) }
        guard !inside.isEmpty else { return extra }
        let global = inside.filter { tree.nodes[$0].map { Self.globalKinds.contains($0.kind) } ?? false }
        let regional = inside.filter { !global.contains($0) }
        let cloudID = "@aws-cloud"
        let regionID = "@region"
        tree.add(container: DiagramContainer(id: cloudID, label: "AWS Cloud", caption: "", kind: "aws-cloud", style: .awsCloud, children: []), in: nil, before: inside[0])
        for id in global { tree.move(id, into: cloudID) }
        if !regional.isEmpty {
            tree.add(container: DiagramContainer(
                id: regionID, label: region ?? "Region", caption: region == nil ? "" : "Region", kind: "region", style: .region, children: []), in: cloudID)
            for id in regional { tree.move(id, into: regionID) }
        }
        return extra
    }
}

/// A diagram's tree as parent links and ordered child lists, which moving and copying
/// items needs; `items(of:)` rebuilds the nested form in the same order.
struct FlatTree {
    var nodes: [String: DiagramNode] = [:]
    var containers: [String: DiagramContainer] = [:]
    var parent: [String: String?] = [:]
    var children: [String?: [String]] = [:]

    init(_ items: [DiagramItem]) {
        func walk(_ items: [DiagramItem], in parentID: String?) {
            for item in items {
                switch item {
                case .node(let node):
                    add(node: node, in: parentID)
                case .container(let container):
                    var empty = container
                    empty.children = []
                    add(container: empty, in: parentID)
                    walk(container.children, in: container.id)
                }
            }
        }
        walk(items, in: nil)
    }

    mutating func add(node: DiagramNode, in parentID: String?, before sibling: String? = nil) {
        nodes[node.id] = node
        attach(node.id, to: parentID, before: sibling)
    }

    mutating func add(container: DiagramContainer, in parentID: String?, before sibling: String? = nil) {
        containers[container.id] = container
        attach(container.id, to: parentID, before: sibling)
    }

    private mutating func attach(_ id: String, to parentID: String?, before sibling: String?) {
        parent[id] = parentID
        // In place: copying the list per attach made a frame of 1,000 services quadratic.
        if let sibling, let index = children[parentID]?.firstIndex(of: sibling) {
            children[parentID]?.insert(id, at: index)
        } else {
            children[parentID, default: []].append(id)
        }
    }

    /// Detaches an item (a container keeps its children, to be re-attached by `move`).
    mutating func remove(_ id: String) {
        guard let parentID = parent[id] else { return }
        children[parentID]?.removeAll { $0 == id }
        parent[id] = nil
        if nodes[id] != nil { nodes[id] = nil } else if children[id, default: []].isEmpty { containers[id] = nil }
    }

    mutating func move(_ id: String, into parentID: String) {
        guard let old = parent[id] else { return }
        children[old]?.removeAll { $0 == id }
        attach(id, to: parentID, before: nil)
    }

    func ancestors(of id: String) -> [String] {
        var result: [String] = []
        var cursor = parent[id] ?? nil
        while let current = cursor, result.count < 1000 {
            result.append(current)
            cursor = parent[current] ?? nil
        }
        return result
    }

    /// The availability-zone frame around `id` (itself included), else `id`.
    func zone(of id: String) -> String? {
        for candidate in [id] + ancestors(of: id) where containers[candidate]?.style == .availabilityZone { return candidate }
        return id
    }

    func depthFirstNodes() -> [String] {
        var result: [String] = []
        func walk(_ parentID: String?) {
            for id in children[parentID, default: []] {
                if nodes[id] != nil { result.append(id) } else { walk(id) }
            }
        }
        walk(nil)
        return result
    }

    func items(of parentID: String?) -> [DiagramItem] {
        children[parentID, default: []].compactMap { id in
            if let node = nodes[id] { return .node(node) }
            guard var container = containers[id] else { return nil }
            container.children = items(of: id)
            return .container(container)
        }
    }
}
