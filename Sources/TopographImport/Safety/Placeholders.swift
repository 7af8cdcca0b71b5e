/// Topograph's own placeholders, the only `<...>` text that means "decided at deploy time":
/// `<aws_region>` and `<aws_account_id>`, and, per import, the ones the resolver wrote for
/// a parameter without a default (`<Env>`), a resource's reference (`<Bucket.Arn>`) or a
/// function it does not evaluate (`<Fn::If>`). Any other `<...>` in a template is a value
/// like any other and is compared as one: a service renamed to `<x>` is drift.
package struct Placeholders: Sendable, Hashable {
    package static let standard: Set<String> = ["aws_region", "aws_account_id"]

    /// The names between the angle brackets.
    package var names: Set<String>

    package init(_ names: Set<String> = []) {
        self.names = Self.standard.union(names)
    }

    /// `<name>`, with the name remembered as one of ours.
    package mutating func make(_ name: String) -> String {
        names.insert(name)
        return "<\(name)>"
    }

    /// Whether `text` holds one of these placeholders.
    package func appear(in text: String) -> Bool {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: ">") else { return false }
            if names.contains(String(after[..<close])) { return true }
            rest = after
        }
        return false
    }
}
