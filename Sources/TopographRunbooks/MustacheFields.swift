import Mustache

/// A runbook context as swift-mustache reads it fastest. The library finds each `{{name}}`
/// by reflecting the whole context object (`Mirror.children.filter`) at every lookup and at
/// every level of the context stack it climbs, which made rendering a stage's runbook most of
/// `serve`'s re-render. This reflects each value once into a lookup by name.
///
/// What Mustache sees is unchanged: a nil optional is absent (the library then looks further
/// up the stack, as it did when reflection gave nil), arrays stay sequences, and values that
/// render themselves (`ShellWord`, `ProseText`, strings, numbers) stay as they are.
struct MustacheFields: MustacheParent {
    private let fields: [String: Any]

    func child(named name: String) -> Any? { fields[name] }

    /// `value` with every plain struct inside it (the contexts) replaced by its fields.
    static func reading(_ value: Any) -> Any? {
        if value is any MustacheCustomRenderable || value is String || value is Bool || value is Int { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return nil }
            return reading(wrapped.value)
        case .collection:
            guard value is any MustacheSequence else { return value }
            return mirror.children.map { reading($0.value) as Any }
        case .struct where !(value is any CustomStringConvertible):
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let read = reading(child.value) else { continue }
                fields[label] = read
            }
            return MustacheFields(fields: fields)
        default:
            return value
        }
    }
}
