/// The one escaper for every value that lands in generated Markdown (index pages, runbooks,
/// migrations, lint summaries, diffs). Values come from a topology file someone else may
/// have written, and those pages are rendered by GitHub, MkDocs or markdown-it with raw
/// HTML allowed, so a title must never become an element, a link, a heading, a table
/// column or the end of a code fence. Three shapes cover every use:
/// - `inline` for prose, headings, list items and table cells;
/// - `codeSpan` for identifiers shown as code;
/// - `fence` for a whole fenced block (shell commands, YAML, diagrams).
package enum MarkdownText {
    /// One line of escaped text: HTML's five special characters become entities (the text
    /// is safe inside an attribute too), Markdown punctuation that could open emphasis, a
    /// link, code, math, strikethrough or a table column is backslash-escaped, characters
    /// that only matter at the start of a line (`-`, `+`, `=`, `1.`) are escaped there, and
    /// line breaks become spaces so a value can never start a block of its own.
    /// Control and bidi characters are shown as `\u{1B}` rather than written raw.
    package static func inline(_ text: String) -> String {
        let scalars = Array(oneLine(text).unicodeScalars)
        var result = ""
        result.reserveCapacity(scalars.count + 8)
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\\", "`", "*", "[", "]", "|", "~", "$", "#":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "_":
                // Between two letters or digits `_` can neither open nor close emphasis
                // (CommonMark's intraword rule), so `session_store` stays readable.
                if let previous, let next, previous.isWordCharacter, next.isWordCharacter {
                    result += "_"
                } else {
                    result += "\\_"
                }
            case "-", "+", "=":
                // A list marker, a setext underline or a thematic break only at a line start.
                result += index == 0 ? "\\\(scalar)" : String(scalar)
            case ".", ")":
                // `1.` / `1)` open an ordered list only after leading digits.
                let leadingDigits = index > 0 && scalars[..<index].allSatisfy { ("0"..."9").contains($0) }
                result += leadingDigits ? "\\\(scalar)" : String(scalar)
            case " ":
                // Leading spaces could indent a code block and trailing ones make a hard
                // break; an entity keeps the space without either meaning.
                result += (index == 0 || next == nil) ? "&#32;" : " "
            default:
                if let visible = visibleEscape(scalar) {
                    // The escape's own backslash must survive Markdown.
                    result += "\\" + visible
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Text shown as code: a backtick run longer than any inside the text opens and closes
    /// the span, padded with a space where the text starts or ends with a backtick (or with
    /// spaces that CommonMark would otherwise strip). Line breaks become spaces: a line
    /// starting with ``` would otherwise open a fence in the middle of the span.
    /// `inTable` escapes `|`, which GitHub and markdown-it split cells on even inside code.
    package static func codeSpan(_ text: String) -> String {
        codeSpan(text, inTable: false)
    }

    package static func codeSpan(_ text: String, inTable: Bool) -> String {
        var body = ""
        for scalar in oneLine(text).unicodeScalars {
            if let visible = visibleEscape(scalar) {
                body += visible
            } else if inTable && scalar == "|" {
                body += "\\|"
            } else {
                body.unicodeScalars.append(scalar)
            }
        }
        if body.isEmpty { return "` `" }
        let ticks = String(repeating: "`", count: longestRun(of: "`", in: body) + 1)
        let allSpaces = body.allSatisfy { $0 == " " }
        let needsPadding = body.hasPrefix("`") || body.hasSuffix("`")
            || (!allSpaces && body.hasPrefix(" ") && body.hasSuffix(" "))
        let pad = needsPadding ? " " : ""
        return ticks + pad + body + pad + ticks
    }

    /// A whole fenced code block, without a final newline (it is usually one item of an
    /// array of lines). The fence is a backtick run longer
    /// than any in the content (at least three), so no line of the content can close it;
    /// tildes cannot close a backtick fence at all. The info string (a language name) keeps
    /// only characters a language name uses: a backtick there would end the fence's opener.
    package static func fence(_ content: String, info: String = "") -> String {
        let ticks = String(repeating: "`", count: max(3, longestRun(of: "`", in: content) + 1))
        let language = String(info.unicodeScalars.filter { scalar in
            scalar.isWordCharacter || scalar == "-" || scalar == "+" || scalar == "." || scalar == "_"
        }.map(Character.init))
        var body = content
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        return ticks + language + "\n" + body + ticks
    }

    /// Markdown the user wrote (`description:`, `notes:`), kept as Markdown but contained:
    /// raw HTML cannot start (`<` outside code becomes `&lt;`), and no fence can stay open
    /// past the end of the text to swallow the rest of the page. Fences that start in
    /// column 0 are tracked exactly (a renderer reads them the same way in any context) and
    /// closed at the end if the text leaves one open; a fence-like line anywhere else (in a
    /// list item, a quote, indented) is where renderers could disagree with this tracker,
    /// so its first backtick or tilde is escaped and it stays text.
    package static func block(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var output: [String] = []
        var open: (character: Character, count: Int)?
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let visible = visibleControls(String(line))
            if let fence = open {
                if let closing = fenceRun(visible, maxIndent: 3), closing.character == fence.character,
                   closing.count >= fence.count, closing.rest.allSatisfy({ $0 == " " }) {
                    open = nil
                }
                output.append(visible)
                continue
            }
            if let opening = fenceRun(visible, maxIndent: 0),
               opening.character == "~" || !opening.rest.contains("`") {
                open = (opening.character, opening.count)
                output.append(visible)
                continue
            }
            output.append(neutralizeNestedFence(escapeTags(visible)))
        }
        while output.last?.isEmpty == true { output.removeLast() }
        if let fence = open {
            output.append(String(repeating: String(fence.character), count: fence.count))
        }
        return output.joined(separator: "\n")
    }

    /// A run of at least three backticks or tildes after at most `maxIndent` spaces.
    private static func fenceRun(_ line: String, maxIndent: Int) -> (character: Character, count: Int, rest: Substring)? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= maxIndent else { return nil }
        let body = line.dropFirst(indent)
        guard let first = body.first, first == "`" || first == "~" else { return nil }
        let count = body.prefix { $0 == first }.count
        guard count >= 3 else { return nil }
        return (first, count, body.dropFirst(count))
    }

    /// Escapes the first fence character of a line that would open a fence inside a
    /// container or an indent: after spaces, `>` quote markers and list markers.
    private static func neutralizeNestedFence(_ line: String) -> String {
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == " " || character == ">" || character == "\t" {
                index = line.index(after: index)
            } else if character == "-" || character == "*" || character == "+" {
                index = line.index(after: index)
            } else if character.isASCII, character.isNumber {
                index = line.index(after: index)
                if index < line.endIndex, line[index] == "." || line[index] == ")" { index = line.index(after: index) }
            } else {
                break
            }
        }
        guard index < line.endIndex else { return line }
        let rest = line[index...]
        guard rest.hasPrefix("```") || rest.hasPrefix("~~~") else { return line }
        return String(line[..<index]) + "\\" + rest
    }

    private static func escapeTags(_ line: String) -> String {
        line.replacingOccurrences(of: "<", with: "&lt;")
    }

    private static func visibleControls(_ line: String) -> String {
        var result = ""
        for scalar in line.unicodeScalars {
            if scalar == "\t" {
                result.unicodeScalars.append(scalar)
            } else if let visible = visibleEscape(scalar) {
                result += "\\" + visible
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Line breaks of every spelling (CR LF, CR, LF, NEL, U+2028, U+2029) and tabs become
    /// single spaces.
    private static func oneLine(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCR:
                break
            case "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}", "\t", "\u{0B}", "\u{0C}":
                result += " "
            default:
                result.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return result
    }

    /// `\u{1B}` for a character that is invisible or rewrites the text around it: C0/C1
    /// controls, DEL, bidi overrides and isolates, zero-width spaces, the BOM. Joiners stay
    /// (emoji sequences need them).
    private static func visibleEscape(_ scalar: Unicode.Scalar) -> String? {
        if scalar == "\u{200C}" || scalar == "\u{200D}" { return nil }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
            return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default:
            return nil
        }
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for c in text {
            if c == character {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return longest
    }
}

private extension Unicode.Scalar {
    var isWordCharacter: Bool {
        properties.isAlphabetic || properties.numericType != nil
    }
}
