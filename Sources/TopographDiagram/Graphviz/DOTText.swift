import TopographModel

/// Escaping for the DOT language. Labels are HTML-like (`<...>`), so user text is
/// XML-escaped; other attributes are double-quoted strings, where `"` and `\` are escaped
/// and Graphviz's own `\N`, `\G`, `\l` sequences can therefore never be formed.
enum DOTText {
    static func html(_ text: String) -> String {
        // Most text (ids, kinds, icon paths) needs no escaping: a diagram of 1,000 services
        // escapes about 10,000 strings, and copying each scalar by scalar showed in profiles.
        if text.utf8.allSatisfy(isPlainInHTML) { return text }
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

    /// Printable ASCII other than `&<>"'`.
    private static func isPlainInHTML(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): false
        default: byte >= 0x20 && byte < 0x7F
        }
    }

    static func quoted(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
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
