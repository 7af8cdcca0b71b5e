/// A DOT statement's attributes by name, in the order first set. Setting a name again
/// replaces its value where it stands, so a variant (the icon cell, a diff mark) restyles
/// a node by naming what it changes, never by the list's positions. Values are DOT text,
/// already quoted or escaped by `DOTText`.
struct DOTAttributes {
    private var names: [String] = []
    private var values: [String: String] = [:]

    init(_ pairs: KeyValuePairs<String, String> = [:]) {
        for (name, value) in pairs { self[name] = value }
    }

    subscript(name: String) -> String? {
        get { values[name] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: name) == nil { names.append(name) }
            } else if values.removeValue(forKey: name) != nil {
                names.removeAll { $0 == name }
            }
        }
    }

    mutating func set(_ pairs: KeyValuePairs<String, String>) {
        for (name, value) in pairs { self[name] = value }
    }

    /// `id="r_web", shape=box, ...`: the inside of a statement's brackets.
    var text: String {
        names.map { "\($0)=\(values[$0]!)" }.joined(separator: ", ")
    }
}
