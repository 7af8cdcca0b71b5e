/// The one shell-quoting function: every value that reaches a command line in a runbook
/// passes through `ShellQuote.word`, so a name, a CIDR, a pattern or a route can never be
/// more than one inert word, whatever it contains.
package enum ShellQuote {
    /// Characters that mean nothing to bash in any position of a word (no globbing, no
    /// expansion, no word splitting, no history expansion, no tilde at the start).
    private static let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-")

    /// `value` as one shell word: unchanged when every character is safe, else in single
    /// quotes with each `'` written as `'\''` (inside single quotes nothing is special).
    package static func word(_ value: String) -> String {
        if !value.isEmpty, value.allSatisfy({ safe.contains($0) }) { return value }
        return "'" + value.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// Several values as shell words separated by spaces.
    package static func words(_ values: [String]) -> String {
        values.map(word).joined(separator: " ")
    }
}
