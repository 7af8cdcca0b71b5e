// STAND-IN until the hardening engineer's `MarkdownText` lands on main (HELPERS.md: one
// Markdown escaper, owned there). Same API; delete this file on merge and keep theirs.

/// The one way text reaches Markdown: escaped prose, a code span, or a fenced block.
package enum MarkdownText {
    /// Prose or a table cell: every ASCII punctuation character that Markdown or GitHub's
    /// autolinks could act on is backslash-escaped, `<`, `>` and `&` become entities (so
    /// no HTML tag or comment can open), and line breaks become spaces.
    package static func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}": result += " "
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "~", ":", "@", "\"", "'", "=", "^", "$", "%", "/", ";", "?":
                result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// A code span whose fence is longer than any backtick run inside, padded so content
    /// that starts or ends with a backtick or space survives. Line breaks become spaces
    /// (a code span cannot hold one in a table row).
    package static func codeSpan(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        let fence = String(repeating: "`", count: longestRun(of: "`", in: flat) + 1)
        let pad = flat.isEmpty || flat.hasPrefix("`") || flat.hasSuffix("`") || (flat.hasPrefix(" ") && flat.hasSuffix(" ")) ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// A fenced code block longer than any backtick run inside.
    package static func fence(_ text: String, info: String = "") -> String {
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
        let body = text.hasSuffix("\n") ? text : text + "\n"
        return fence + info + "\n" + body + fence
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for c in text {
            current = c == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
