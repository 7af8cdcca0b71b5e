/// One resource of a topology: its id and every field written for it (`kind`, `label`,
/// `in` and the kind's attributes alike), each with the position it was written at.
///
/// Keeping all fields in one map is what lets a stage's `change:` be a plain merge; the
/// typed accessors below give emitters what they need without touching YAML.
package struct Resource: Hashable, Sendable {
    package var id: String
    /// Where the id was written (the key of the resource's mapping).
    package var location: SourceLocation
    /// Every field, with positions and written order.
    package var fieldMap: FieldMap

    package var fields: [String: AttributeValue] {
        get { fieldMap.values }
        _modify { yield &fieldMap.values }
    }
    /// Position of each field's value, for diagnostics and lint findings.
    package var fieldLocations: [String: SourceLocation] {
        get { fieldMap.locations }
        _modify { yield &fieldMap.locations }
    }
    /// Position of each field's key, for "unknown attribute" messages.
    package var keyLocations: [String: SourceLocation] {
        get { fieldMap.keyLocations }
        _modify { yield &fieldMap.keyLocations }
    }
    /// Field names in the order they were written; output that lists attributes uses it.
    package var fieldOrder: [String] {
        get { fieldMap.order }
        _modify { yield &fieldMap.order }
    }

    package init(id: String, location: SourceLocation, fieldMap: FieldMap) {
        self.id = id
        self.location = location
        self.fieldMap = fieldMap
    }

    package init(
        id: String,
        location: SourceLocation,
        fields: [String: AttributeValue] = [:],
        fieldLocations: [String: SourceLocation] = [:],
        keyLocations: [String: SourceLocation] = [:],
        fieldOrder: [String]? = nil
    ) {
        self.init(
            id: id, location: location,
            fieldMap: FieldMap(values: fields, locations: fieldLocations, keyLocations: keyLocations, order: fieldOrder))
    }

    package var kind: KindID { KindID(fields["kind"]?.stringValue ?? "") }
    package var label: String { fields["label"]?.scalarText ?? id }
    /// The resource's name in AWS, which runbook commands use.
    package var name: String { fields["name"]?.scalarText ?? id }
    package var parent: String? { fields["in"]?.stringValue }
    package var notes: String? { fields["notes"]?.stringValue }
    package var zones: [String] { fields["zones"]?.stringList ?? [] }
    package var subnets: [String] { fields["subnets"]?.stringList ?? [] }
    package var links: [String] { fields["links"]?.stringList ?? [] }
    package var tags: [(key: String, value: String)] {
        (fields["tags"]?.mapValue ?? []).map { ($0.key, $0.value.scalarText ?? $0.value.description) }
    }
    /// Lint rules suppressed on this resource (`lint: { ignore: [rule-id] }`).
    package var lintIgnores: [String] { fields["lint"]?["ignore"]?.stringList ?? [] }

    package subscript(field: String) -> AttributeValue? { fields[field] }

    package func string(_ field: String) -> String? { fields[field]?.stringValue }
    package func int(_ field: String) -> Int? { fields[field]?.intValue }
    package func bool(_ field: String) -> Bool? { fields[field]?.boolValue }
    package func strings(_ field: String) -> [String] { fields[field]?.stringList ?? [] }

    /// Where to point a message about `field`: its value if written, else the resource.
    package func location(of field: String) -> SourceLocation {
        fieldLocations[field] ?? location
    }

    /// Where to point a message about entry `index` of the list `field`: the entry if
    /// known, else the field.
    package func location(of field: String, element index: Int) -> SourceLocation {
        fieldLocations[Self.elementKey(field, index)] ?? location(of: field)
    }

    /// The key under which `fieldLocations` keeps a list entry's position (`routes#0`);
    /// `#` cannot start an attribute name, so it never collides with a field.
    package static let elementSeparator = "#"
    package static func elementKey(_ field: String, _ index: Int) -> String { "\(field)\(elementSeparator)\(index)" }

    /// Where to point a message about the value under `key` of the mapping `field`.
    package func location(of field: String, key: String) -> SourceLocation {
        fieldLocations[Self.entryKey(field, key)] ?? location(of: field)
    }

    /// The key under which `fieldLocations` keeps a mapping entry's value position (`tags#team`).
    package static func entryKey(_ field: String, _ key: String) -> String { "\(field)\(elementSeparator)\(key)" }

    /// Kind-specific and common fields other than the structural ones, in written order.
    package var attributeNames: [String] {
        fieldOrder.filter { fields[$0] != nil }
    }

    /// Resources compare by content only: moving a line in the file is not a change.
    package static func == (lhs: Resource, rhs: Resource) -> Bool {
        lhs.id == rhs.id && lhs.fields == rhs.fields
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(fields)
    }
}
