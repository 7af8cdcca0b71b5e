import Mustache
import TopographModel

/// Contextual escaping for Markdown rendered from Mustache templates, the way Go's
/// html/template escapes by context. Every `{{value}}` comes out of Mustache wrapped in two
/// private-use marks instead of escaped, so after rendering the template's own text (fences,
/// code-span backticks, headings) is told apart from what values brought, and each value
/// is escaped for where it landed:
/// - in prose, headings and table cells: `MarkdownText.inline`;
/// - inside a template's code span (`` `{{name}}` ``): the whole span is rebuilt with
///   `MarkdownText.codeSpan`, so a backtick in a name cannot end it;
/// - inside a fenced block: the value stays as it is (commands are the shell quoter's
///   concern), and the fence is lengthened past any backtick run the values brought, so a
///   line of backticks in a value cannot close it; inside an indented fence (a list item)
///   the value's own line breaks keep the indent, so the list item cannot end early.
/// Template authors write plain `{{value}}` everywhere and never escape by hand;
/// `{{{raw}}}` is for text the builder already made Markdown-safe.
enum MarkdownTemplateEscaping {
    static let contentTypeName = "MARKDOWN"
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"

    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String {
            var wrapped = String(MarkdownTemplateEscaping.open)
            for scalar in text.unicodeScalars where scalar != MarkdownTemplateEscaping.open && scalar != MarkdownTemplateEscaping.close {
                wrapped.unicodeScalars.append(scalar)
            }
            wrapped.unicodeScalars.append(MarkdownTemplateEscaping.close)
            return wrapped
        }
    }

    static func register() {
        MustacheContentTypes.register(ContentType(), named: contentTypeName)
    }

    enum Piece {
        case text(String)
        case value(String)
    }

    /// The rendered template with every marked value escaped for its context.
    static func finish(_ rendered: String) -> String {
        var output: [String] = []
        var fence: OpenFence?
        for line in logicalLines(pieces(rendered)) {
            if var open = fence {
                if open.closes(line) {
                    output += open.emit(closing: templateText(line))
                    fence = nil
                } else {
                    open.content.append(line)
                    fence = open
                }
                continue
            }
            if let opened = OpenFence(opening: line) {
                fence = opened
                continue
            }
            output.append(prose(line))
        }
        if let open = fence { output += open.emit(closing: nil) }
        return output.joined(separator: "\n")
    }

    /// Splits at the marks; a stray mark (only a `{{{raw}}}` value could hold one) is dropped.
    static func pieces(_ rendered: String) -> [Piece] {
        var pieces: [Piece] = []
        var current = ""
        var inValue = false
        for scalar in rendered.unicodeScalars {
            if scalar == open, !inValue {
                if !current.isEmpty { pieces.append(.text(current)) }
                current = ""
                inValue = true
            } else if scalar == close, inValue {
                pieces.append(.value(current))
                current = ""
                inValue = false
            } else if scalar != open && scalar != close {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { pieces.append(inValue ? .value(current) : .text(current)) }
        return pieces
    }

    /// Lines as the template wrote them: only the template's line breaks end a line, a
    /// value's line breaks stay inside its piece.
    static func logicalLines(_ pieces: [Piece]) -> [[Piece]] {
        var lines: [[Piece]] = [[]]
        for piece in pieces {
            switch piece {
            case .value:
                lines[lines.count - 1].append(piece)
            case .text(let text):
                let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
                for (index, part) in parts.enumerated() {
                    if index > 0 { lines.append([]) }
                    if !part.isEmpty { lines[lines.count - 1].append(.text(String(part))) }
                }
            }
        }
        return lines
    }

    static func templateText(_ line: [Piece]) -> String? {
        var text = ""
        for piece in line {
            guard case .text(let part) = piece else { return nil }
            text += part
        }
        return text
    }

    /// A prose line: values inline-escaped, template code spans rebuilt around their content.
    static func prose(_ line: [Piece]) -> String {
        let inTable = templateText(Array(line.prefix(1)))?.hasPrefix("|") ?? false
        // Flatten into characters tagged with where they came from.
        var characters: [(Character, fromValue: Bool)] = []
        for piece in line {
            switch piece {
            case .text(let text): characters += text.map { ($0, false) }
            case .value(let value): characters += [(Character(open), false)] + value.map { ($0, true) } + [(Character(close), false)]
            }
        }
        var result = ""
        var index = 0
        while index < characters.count {
            let (character, fromValue) = characters[index]
            if character == Character(open) && !fromValue {
                var value = ""
                index += 1
                while index < characters.count, !(characters[index].0 == Character(close) && !characters[index].fromValue) {
                    value.append(characters[index].0)
                    index += 1
                }
                result += MarkdownText.inline(value)
                index += 1
                continue
            }
            if character == "`" && !fromValue {
                let run = runLength(characters, from: index)
                if let end = closingRun(characters, from: index + run, length: run) {
                    let content = String(characters[(index + run)..<end].compactMap { item -> Character? in
                        (item.0 == Character(open) || item.0 == Character(close)) && !item.fromValue ? nil : item.0
                    })
                    let hasValue = characters[(index + run)..<end].contains { $0.fromValue }
                    result += hasValue ? MarkdownText.codeSpan(content, inTable: inTable) : String(characters[index..<(end + run)].map(\.0))
                    index = end + run
                    continue
                }
                result += String(repeating: "`", count: run)
                index += run
                continue
            }
            result.append(character)
            index += 1
        }
        return result
    }

    private static func runLength(_ characters: [(Character, fromValue: Bool)], from start: Int) -> Int {
        var end = start
        while end < characters.count, characters[end].0 == "`", !characters[end].fromValue { end += 1 }
        return end - start
    }

    /// The start of the next template backtick run of exactly `length`.
    private static func closingRun(_ characters: [(Character, fromValue: Bool)], from start: Int, length: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index].0 == "`", !characters[index].fromValue {
                let run = runLength(characters, from: index)
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }

    struct OpenFence {
        var indent: String
        var character: Character
        var count: Int
        var info: String
        var content: [[Piece]] = []

        /// A fence the template opened: indent, three or more backticks or tildes, an info
        /// string, all template text.
        init?(opening line: [Piece]) {
            guard case .text(let head)? = line.first, let text = Self.openingText(line, head: head) else { return nil }
            let indent = text.prefix { $0 == " " }
            let body = text.dropFirst(indent.count)
            guard let first = body.first, first == "`" || first == "~" else { return nil }
            let count = body.prefix { $0 == first }.count
            guard count >= 3 else { return nil }
            let info = body.dropFirst(count)
            guard first == "~" || !info.contains("`") else { return nil }
            self.indent = String(indent)
            self.character = first
            self.count = count
            self.info = String(info)
        }

        /// The opening line as text: the fence itself must be the template's; values may only
        /// name things in the info string (`bash { name={{id}} }`), kept to `[A-Za-z0-9._/-]`.
        static func openingText(_ line: [Piece], head: String) -> String? {
            let fenceRun = head.drop { $0 == " " }.prefix { $0 == "`" || $0 == "~" }
            guard fenceRun.count >= 3, line.count == 1 || head.drop(while: { $0 == " " }).count > fenceRun.count else { return nil }
            return line.map { piece -> String in
                switch piece {
                case .text(let text): text
                case .value(let value): String(value.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "._/-".contains($0)) })
                }
            }.joined()
        }

        func closes(_ line: [Piece]) -> Bool {
            guard let text = MarkdownTemplateEscaping.templateText(line) else { return false }
            let trimmed = text.drop { $0 == " " }
            let run = trimmed.prefix { $0 == character }.count
            return run >= count && trimmed.dropFirst(run).allSatisfy { $0 == " " }
        }

        func emit(closing: String?) -> [String] {
            let lines = content.map { line in
                line.map { piece -> String in
                    switch piece {
                    case .text(let text): text
                    case .value(let value): indent.isEmpty ? value : value.replacingOccurrences(of: "\n", with: "\n" + indent)
                    }
                }.joined()
            }
            var longest = 0
            for line in lines {
                var run = 0
                for character in line {
                    run = character == self.character ? run + 1 : 0
                    longest = max(longest, run)
                }
            }
            let marker = String(repeating: String(character), count: max(count, longest + 1))
            return [indent + marker + info] + lines + [indent + marker]
        }
    }
}
