/// The one escaper for text placed inside an HTML `<script>` element (JSON data blocks and
/// JavaScript string literals alike): JSON text is already a valid JavaScript literal, so
/// only what the HTML tokenizer or a JavaScript parser would read differently is escaped.
/// `<` (which could close the element or open `<!--`), `>` and `&` become `\u003c`-style
/// escapes, and U+2028/U+2029 (line terminators in older JavaScript) are escaped too. The
/// result is still JSON that decodes to the same value.
package enum ScriptText {
    package static func embedded(json: String) -> String {
        var result = ""
        result.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
