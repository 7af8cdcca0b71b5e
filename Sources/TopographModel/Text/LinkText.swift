/// A link's URL made safe to place inside a quoted attribute by any renderer: the
/// characters that could end the attribute or start markup are percent-encoded, control
/// characters dropped. Only http(s) links reach renderers (the validator refuses others).
package enum LinkText {
    package static func attributeSafe(_ url: String) -> String {
        var result = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "\"": result += "%22"
            case "'": result += "%27"
            case " ": result += "%20"
            case "<": result += "%3C"
            case ">": result += "%3E"
            case "\\": result += "%5C"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
