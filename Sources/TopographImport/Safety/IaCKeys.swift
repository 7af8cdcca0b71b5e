import TopographModel

/// Resources read from one more source (a second Terraform plan, a plan next to
/// templates) whose keys another source already uses: every key, and every reference to
/// one, gets the source's name as a prefix (`prod/aws_vpc.main`), so two plans of the same
/// configuration (dev and prod) import side by side instead of overwriting each other.
enum IaCKeys {
    static func disambiguated(_ resources: [IaCResource], against taken: Set<String>, prefix: String) -> [IaCResource] {
        let own = Set(resources.map(\.key))
        guard !own.isDisjoint(with: taken) else { return resources }
        var name = prefix
        var counter = 2
        while taken.contains(where: { $0.hasPrefix(name + "/") }) {
            name = "\(prefix)-\(counter)"
            counter += 1
        }
        return resources.map { resource in
            var copy = resource
            copy.key = name + "/" + resource.key
            copy.idHint = name + "-" + resource.idHint
            copy.properties = resource.properties.mapValues { prefixed($0, name: name, own: own) }
            return copy
        }
    }

    static func prefixed(_ value: IaCValue, name: String, own: Set<String>) -> IaCValue {
        func reference(_ reference: IaCReference) -> IaCReference {
            own.contains(reference.key) ? IaCReference(key: name + "/" + reference.key, attribute: reference.attribute) : reference
        }
        switch value {
        case .reference(let target): return .reference(reference(target))
        case .text(let text, let references): return .text(text, references: references.map(reference))
        case .list(let items): return .list(items.map { prefixed($0, name: name, own: own) })
        case .map(let entries): return .map(entries.map { IaCEntry(key: $0.key, value: prefixed($0.value, name: name, own: own)) })
        default: return value
        }
    }
}
