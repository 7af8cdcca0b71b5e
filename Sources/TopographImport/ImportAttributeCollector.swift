import TopographModel
import TopographInput

/// Collects one resource's attributes for the kinds whose values the catalog constrains:
/// a value the kind does not accept (an AWS enum member the catalog does not list, a
/// number out of its range) is left out rather than written, so an import always validates.
struct ImportAttributeCollector {
    let builder: ImportBuilder
    let resource: IaCResource
    let spec: KindSpec?
    private(set) var result: [(String, AttributeValue)] = []

    init(_ builder: ImportBuilder, _ resource: IaCResource, kind: String) {
        self.builder = builder
        self.resource = resource
        spec = KindCatalog.spec(kind)
    }

    mutating func put(_ name: String, _ value: AttributeValue?) {
        guard let value, name == "name" || Self.fits(value, spec?.attributes.first { $0.name == name }) else { return }
        result.append((name, value))
    }

    subscript(_ property: String) -> IaCValue? { resource[property] }

    func int(_ value: IaCValue?) -> AttributeValue? { value?.int.map { .int($0) } }
    func flag(_ value: IaCValue?) -> AttributeValue? { value?.bool.map { .bool($0) } }
    func string(_ value: IaCValue?) -> AttributeValue? { value?.literal.map { .string($0) } }
    func strings(_ value: IaCValue?) -> AttributeValue? {
        let items = (value?.list ?? []).compactMap(\.literal)
        return items.isEmpty ? nil : .list(items.map { .string($0) })
    }
    /// The first of these properties that holds text (`name:`).
    func text(_ properties: String...) -> AttributeValue? { properties.lazy.compactMap { resource[$0]?.text }.first.map { .string($0) } }
    /// The id of the first imported resource a value names.
    func id(_ value: IaCValue?) -> AttributeValue? { builder.nodeKeys(value).first.flatMap { builder.idByKey[$0] }.map { .string($0) } }
    /// The ids of every imported resource the values name, each once.
    func ids(_ values: [IaCValue?]) -> AttributeValue? {
        var seen: Set<String> = []
        let found = values.flatMap { builder.nodeKeys($0) }.compactMap { builder.idByKey[$0] }.filter { seen.insert($0).inserted }
        return found.isEmpty ? nil : .list(found.map { .string($0) })
    }

    /// Whether the catalog accepts `value` for the attribute (unknown attributes: no).
    static func fits(_ value: AttributeValue, _ spec: AttributeSpec?) -> Bool {
        guard let spec else { return false }
        switch (spec.type, value) {
        case (.oneOf(let members), .string(let text)): return members.contains(text)
        case (.int, .int(let number)), (.port, .int(let number)): return spec.range.map { $0.contains(number) } ?? true
        case (.bool, .bool), (.string, .string), (.reference, .string), (.list, .list): return true
        default: return false
        }
    }
}
