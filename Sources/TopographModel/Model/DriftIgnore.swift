/// An accepted difference between a topology and its templates (`drift: { ignore: [...] }`,
/// extension): a resource id or template logical id, `id.attribute`, or `from -> to`.
package struct DriftIgnore: Hashable, Sendable {
    package var entry: String
    package var location: SourceLocation

    package init(entry: String, location: SourceLocation) {
        self.entry = entry
        self.location = location
    }
}
