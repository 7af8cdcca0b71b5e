import TopographModel

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

    /// One flowchart statement line, made safe from Mermaid's `encodeEntities` pre-pass. That
    /// pass runs `/style.*:\S*#.*;/` and `/classDef.*:\S*#.*;/` over each line and drops the
    /// last character of every match, meant for the `;` after `style a fill:#f9f;`. On a node,
    /// edge or subgraph line whose id or label holds `style` (a resource called `style`, a
    /// label "Lifestyle") and a `:` before an entity, it ate the `;` of the line's last
    /// `#code;` entity, so Mermaid showed `#37` instead of `%`. A trailing `;` (Mermaid's own
    /// statement terminator) per pattern that could match gives the pass characters it may
    /// take; where a pattern does not match, the `;` simply ends an empty statement.
    static func statement(_ line: String) -> String {
        guard line.contains(";") else { return line }
        let patterns = (line.contains("style") ? 1 : 0) + (line.contains("classDef") ? 1 : 0)
        return line + String(repeating: ";", count: patterns)
    }

    /// A URL inside `click ... href "..."`: only http(s) gets here (the validator refuses
    /// other schemes); quotes and spaces are percent-encoded so the string cannot end early.
    static func url(_ text: String) -> String {
        LinkText.attributeSafe(text)
    }

    /// A front-matter value (YAML, read by Mermaid's js-yaml): a double-quoted scalar with
    /// every quote, backslash and control character escaped, on one line.
    package static func frontMatterString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
