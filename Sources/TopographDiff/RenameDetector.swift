import TopographModel

/// Finds resources that were renamed, as git finds renamed files: a removed and an added
/// resource of the same kind, under the same container (after mapping renames), whose
/// attributes and connections are similar enough (Jaccard index at least `threshold`).
///
/// Each pass maps what it found, and the next pass sees those ids as equal, so renames
/// that depend on each other resolve: a subnet inside a renamed VPC (children wait for
/// their container), two renamed resources connected to each other (an edge to a not yet
/// matched resource counts by the other end's kind), a Lambda whose `authorizer:`
/// referrer follows it. Passes stop when one finds nothing new.
struct RenameDetector: Sendable {
    var threshold = 0.5
    /// Like git's `diff.renameLimit`: a group (same kind and container) with more removed x
    /// added pairs than this is matched only exactly, so the cost stays bounded.
    var pairLimit = 40_000

    /// Old id -> new id.
    func renames(old: StageTopology, new: StageTopology) -> [String: String] {
        let oldSide = Side(old)
        let newSide = Side(new)
        var removed = old.resources.map(\.id).filter { !new.contains($0) }
        var added = new.resources.map(\.id).filter { !old.contains($0) }
        guard !removed.isEmpty, !added.isEmpty else { return [:] }
        var oldToNew: [String: String] = [:]
        var matchedNew: Set<String> = []

        // An id as the other side would name it: common and matched ids are themselves,
        // unmatched ones only their kind.
        func canonicalOld(_ id: String) -> String {
            if let mapped = oldToNew[id] { return mapped }
            if new.contains(id) { return id }
            return "?" + (old.resource(id)?.kind.rawValue ?? "")
        }
        func canonicalNew(_ id: String) -> String {
            if matchedNew.contains(id) || old.contains(id) { return id }
            return "?" + (new.resource(id)?.kind.rawValue ?? "")
        }

        while true {
            var groups: [String: (old: [String], new: [String])] = [:]
            var groupOrder: [String] = []
            func groupKey(_ kind: KindID, _ parent: String?) -> String { kind.rawValue + "\u{0}" + (parent ?? "") }
            for id in removed {
                let resource = old.resource(id)!
                let parent = resource.parent.map(canonicalOld)
                if parent?.hasPrefix("?") == true { continue }  // wait for the container
                let key = groupKey(resource.kind, parent)
                if groups[key] == nil { groupOrder.append(key) }
                groups[key, default: ([], [])].old.append(id)
            }
            for id in added {
                let resource = new.resource(id)!
                let parent = resource.parent.map(canonicalNew)
                if parent?.hasPrefix("?") == true { continue }
                let key = groupKey(resource.kind, parent)
                if groups[key] == nil { groupOrder.append(key) }
                groups[key, default: ([], [])].new.append(id)
            }
            var found: [(score: Double, oldIndex: Int, newIndex: Int, old: String, new: String)] = []
            for key in groupOrder {
                guard let group = groups[key], !group.old.isEmpty, !group.new.isEmpty else { continue }
                let oldFeatures = group.old.map { oldSide.features(of: $0, canonical: canonicalOld) }
                let newFeatures = group.new.map { newSide.features(of: $0, canonical: canonicalNew) }
                if group.old.count * group.new.count > pairLimit {
                    var exact: [Set<String>: [Int]] = [:]
                    for (index, features) in oldFeatures.enumerated() where !features.isEmpty { exact[features, default: []].append(index) }
                    for (index, features) in newFeatures.enumerated() {
                        guard var candidates = exact[features], !candidates.isEmpty else { continue }
                        let oldIndex = candidates.removeFirst()
                        exact[features] = candidates
                        found.append((1, oldIndex, index, group.old[oldIndex], group.new[index]))
                    }
                    continue
                }
                for (i, a) in oldFeatures.enumerated() where !a.isEmpty {
                    for (j, b) in newFeatures.enumerated() where !b.isEmpty {
                        let shared = a.intersection(b).count
                        let score = Double(shared) / Double(a.count + b.count - shared)
                        if score >= threshold { found.append((score, i, j, group.old[i], group.new[j])) }
                    }
                }
            }
            guard !found.isEmpty else { break }
            // Best first; ties in file order, so the result never depends on hashing.
            found.sort { ($0.score, -oldSide.index[$0.old]!, -newSide.index[$0.new]!) > ($1.score, -oldSide.index[$1.old]!, -newSide.index[$1.new]!) }
            var progress = false
            for match in found where oldToNew[match.old] == nil && !matchedNew.contains(match.new) {
                oldToNew[match.old] = match.new
                matchedNew.insert(match.new)
                progress = true
            }
            guard progress else { break }
            removed.removeAll { oldToNew[$0] != nil }
            added.removeAll { matchedNew.contains($0) }
            if removed.isEmpty || added.isEmpty { break }
        }
        return oldToNew
    }

    /// One version's indexes: edges, children and references by resource.
    struct Side {
        let topology: StageTopology
        var index: [String: Int] = [:]
        var outgoing: [String: [Connection]] = [:]
        var incoming: [String: [Connection]] = [:]
        var referrers: [String: [(id: String, attribute: String)]] = [:]

        init(_ topology: StageTopology) {
            self.topology = topology
            for (offset, resource) in topology.resources.enumerated() where index[resource.id] == nil { index[resource.id] = offset }
            for connection in topology.connections {
                outgoing[connection.from, default: []].append(connection)
                incoming[connection.to, default: []].append(connection)
            }
            for resource in topology.resources {
                guard let spec = KindCatalog.spec(resource.kind) else { continue }
                for name in spec.referenceAttributes where name != "in" {
                    guard let value = resource.fields[name] else { continue }
                    for target in value.listValue?.compactMap(\.stringValue) ?? [value.stringValue].compactMap({ $0 }) {
                        referrers[target, default: []].append((resource.id, name))
                    }
                }
            }
        }

        /// What a rename keeps: attributes other than the id-like `label` and `name` and
        /// the documentation ones, references and edges with their ends named as the
        /// other side would name them, and the children it holds.
        func features(of id: String, canonical: (String) -> String) -> Set<String> {
            guard let resource = topology.resource(id) else { return [] }
            let references = KindCatalog.spec(resource.kind)?.referenceAttributes ?? []
            var features: [String] = []
            for name in resource.attributeNames where !["kind", "in", "label", "name"].contains(name) && !KindDiffTraits.documentation.contains(name) {
                guard let value = resource.fields[name] else { continue }
                let isReference = references.contains(name)
                switch value {
                case .map(let entries):
                    features += entries.map { "\(name).\($0.key)=\($0.value.description)" }
                case .list(let items) where isReference || KindDiffTraits.isUnordered(name, kind: resource.kind):
                    features += items.map { item in "\(name)∋" + (isReference ? item.stringValue.map(canonical) ?? item.description : item.description) }
                case .string(let target) where isReference:
                    features.append("\(name)=" + canonical(target))
                default:
                    features.append("\(name)=\(value.description)")
                }
            }
            for connection in outgoing[id] ?? [] { features.append("→" + canonical(connection.to) + Self.describe(connection)) }
            for connection in incoming[id] ?? [] { features.append("←" + canonical(connection.from) + Self.describe(connection)) }
            for child in topology.children(of: id) { features.append("child:" + canonical(child.id)) }
            for referrer in referrers[id] ?? [] { features.append("ref←" + canonical(referrer.id) + "." + referrer.attribute) }
            // Repeated features (two edges to two not yet matched services) count each.
            var counts: [String: Int] = [:]
            return Set(features.map { feature in
                counts[feature, default: 0] += 1
                return counts[feature]! == 1 ? feature : "\(feature)#\(counts[feature]!)"
            })
        }

        static func describe(_ connection: Connection) -> String {
            "|" + [connection.label ?? "", connection.port.map(String.init) ?? "", connection.protocol ?? "", connection.via ?? ""].joined(separator: "|")
        }
    }
}
