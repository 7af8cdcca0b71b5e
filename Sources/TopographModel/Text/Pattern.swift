import Foundation

/// A regular expression compiled once per process. Foundation's
/// `range(of:options: .regularExpression)` compiles its pattern on every call: on a
/// 10,000-resource topology `validate` spent a fifth of its time recompiling the same few
/// AWS name rules.
package struct Pattern: Sendable {
    private static let compiled = Locked<[String: NSRegularExpression]>([:])

    package let source: String

    package init(_ source: String) { self.source = source }

    /// Whether the whole of `text` matches (the pattern is anchored at both ends).
    package func matchesWhole(_ text: String) -> Bool {
        guard let expression = Self.expression("^(?:\(source))$") else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Whether some part of `text` matches.
    package func occurs(in text: String) -> Bool {
        guard let expression = Self.expression(source) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `text` with every match replaced by `replacement` (a template: `$1` names a group).
    package func replacingMatches(in text: String, with replacement: String) -> String {
        guard let expression = Self.expression(source) else { return text }
        return expression.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
    }

    /// Nil for a pattern that does not compile: the patterns are this code's own, so a test
    /// compiles each of them (`AWSValueRules` holds the list).
    private static func expression(_ pattern: String) -> NSRegularExpression? {
        if let cached = compiled.withLock({ $0[pattern] }) { return cached }
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        compiled.withLock { $0[pattern] = expression }
        return expression
    }
}
