/// The one escaper for every value that lands in an HTML page (text or a quoted attribute):
/// the five characters that could open markup or end an attribute become entities, so a
/// topology's title can never become an element. Control and bidi characters other than
/// line breaks and tabs are shown the way `VisibleText` shows them, never written raw.
package enum HTMLText {
    package static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\t": result.unicodeScalars.append(scalar)
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if VisibleText.needsEscape(scalar) {
                    result += VisibleText.escaped(String(scalar))
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
