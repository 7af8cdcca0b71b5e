/// Placeholders: `<name>` in a value stands for what only the deployment knows (an account
/// id, a region, a parameter, an imported value), as an import writes them
/// (`bucket-<aws_account_id>-<aws_region>`, `redis.<Fn::ImportValue>`). AWS's rules apply to
/// the parts of a value that are known; a placeholder itself passes.
package enum AWSValuePlaceholders {
    /// `<` + a name of letters, digits and `_.:/-` + `>`.
    package static let pattern = "<[A-Za-z0-9_.:/-]+>"

    package static func contains(_ value: String) -> Bool {
        value.contains("<") && Pattern(pattern).occurs(in: value)
    }

    /// The value with every placeholder replaced by a short stand-in every AWS name rule
    /// accepts in its place (`a0`), or nil when the whole value is one placeholder (nothing
    /// is known, so nothing can be wrong).
    package static func knownParts(_ value: String) -> String? {
        guard contains(value) else { return value }
        if Pattern(pattern).matchesWhole(value) { return nil }
        return Pattern(pattern).replacingMatches(in: value, with: "a0")
    }
}
