/// The fields written for a resource, or for a stage's change of one: each value, where the
/// value and its key stand, and the order they were written in. One type for both, so that
/// a stage's `change:` is a merge of one map into another (`apply`).
package struct FieldMap: Hashable, Sendable {
    package var values: [String: AttributeValue]
    /// Position of each field's value (and of list and mapping entries, under
    /// `Resource.elementKey` / `Resource.entryKey`), for diagnostics and lint findings.
    package var locations: [String: SourceLocation]
    /// Position of each field's key, for "unknown attribute" messages.
    package var keyLocations: [String: SourceLocation]
    /// Field names in the order they were written; output that lists attributes uses it.
    package var order: [String]

    package init(
        values: [String: AttributeValue] = [:], locations: [String: SourceLocation] = [:],
        keyLocations: [String: SourceLocation] = [:], order: [String]? = nil
    ) {
        self.values = values
        self.locations = locations
        self.keyLocations = keyLocations
        self.order = order ?? values.keys.sorted()
    }

    /// Merges a stage's change into these fields: a written field replaces the old value (a
    /// list's entries are the change's, not the old value's), and `null` removes it.
    package mutating func apply(_ change: FieldMap) {
        for field in change.order {
            guard let value = change.values[field] else { continue }
            let entries = field + Resource.elementSeparator
            for key in locations.keys where key.hasPrefix(entries) { locations[key] = nil }
            for (key, location) in change.locations where key.hasPrefix(entries) { locations[key] = location }
            if value == .null {
                values[field] = nil
                order.removeAll { $0 == field }
                continue
            }
            if values[field] == nil { order.append(field) }
            values[field] = value
            locations[field] = change.locations[field]
            keyLocations[field] = change.keyLocations[field]
        }
    }
}
