import TopographModel

/// Escaping for the DOT language. Labels are HTML-like (`<...>`), so user text is
/// XML-escaped; other attributes are double-quoted strings, where `"` and `\` are escaped
/// and Graphviz's own `\N`, `\G`, `\l` sequences can therefore never be formed.
enum DOTText {
    static func html(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += "<BR/>"
            default:
                if scalar.isInvisibleInLabels {
                    result += scalar.value < 0x20 ? " " : "&#\(scalar.value);"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r": result += " "
            default:
                if scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Node and cluster names: resource ids are slugs; `-` is not valid in a bare DOT id,
    /// so every name is quoted and prefixed like the Mermaid ids.
    static func nodeID(_ id: String) -> String { "\"r_\(id)\"" }

    static func clusterID(_ id: String) -> String { "\"cluster_\(id)\"" }
}
