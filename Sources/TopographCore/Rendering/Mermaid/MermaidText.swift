/// Escaping for Mermaid flowchart source. Labels are always written quoted, and every
/// character Mermaid's lexer or its HTML labels could read as syntax (quotes, brackets,
/// pipes, `#`, `;`, `%%` directives, `<`, `&`, backticks) becomes a `#code;` entity, which
/// Mermaid turns back into the literal character. Ids come from resource ids, which are
/// slugs, prefixed so Mermaid keywords (`end`, `graph`, `click` ...) can never be ids.
enum MermaidText {
    static func id(_ resourceID: String) -> String {
        var result = "r_"
        for scalar in resourceID.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "_"
            }
        }
        return result
    }

    static func label(_ text: String) -> String {
        var result = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "%":
                // Only `%%` starts a comment or a directive: breaking the pair is enough.
                result += index + 1 < scalars.count && scalars[index + 1] == "%" ? "#37;" : "%"
            case "a"..."z", "A"..."Z", "0"..."9", " ", ".", ",", ":", "/", "_", "-", "+", "=", "@", "!", "?", "'", "*", "(", ")", "$", "~", "^":
                result.unicodeScalars.append(scalar)
            case "\n":
                result += "<br/>"
            default:
                if scalar.isInvisibleInLabels {
                    result += scalar.value < 0x20 ? " " : "#\(scalar.value);"
                } else if scalar.value < 0x80 {
                    result += "#\(scalar.value);"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A URL inside `click ... href "..."`: only http(s) gets here (the validator refuses
    /// other schemes); quotes and spaces are percent-encoded so the string cannot end early.
    static func url(_ text: String) -> String {
        LinkText.attributeSafe(text)
    }
}
