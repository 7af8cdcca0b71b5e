import Mustache
import TopographModel

/// A value on its way into a command line. A template writes `{{cluster}}` and gets the
/// value as one shell word (`ShellQuote.word`); prose writes `{{cluster.code}}` and gets a
/// Markdown code span. There is no way for a template to get the raw value into a command.
package struct ShellWord: MustacheCustomRenderable, Encodable, Sendable, Hashable {
    /// The value as written in the topology; never rendered by itself.
    package let value: String
    /// The value as a Markdown code span, for prose and headings.
    package let code: String

    package init(_ value: String) {
        self.value = value
        self.code = Self.codeSpan(value)
    }

    package var renderText: String { ShellQuote.word(value) }
    package var isNull: Bool { false }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(renderText)
    }

    /// A code span longer than any backtick run inside it. (`MarkdownText.codeSpan` does the
    /// same for the docs; this stays until that lands in the model layer.)
    static func codeSpan(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text.replacingOccurrences(of: "\n", with: " ") + pad + fence
    }
}

/// Text for Markdown prose (labels, titles). `MarkdownTemplateEscaping` escapes it for
/// where it lands; line breaks become spaces here, so a label can never start a new line,
/// not even inside a comment of a command block.
package struct ProseText: MustacheCustomRenderable, Encodable, Sendable, Hashable {
    package let value: String

    package init(_ value: String) { self.value = value }

    package var renderText: String {
        String(value.unicodeScalars.map { $0.properties.generalCategory == .lineSeparator || $0 == "\n" || $0 == "\r" || $0 == "\u{2029}" ? " " : Character($0) })
    }

    package var isNull: Bool { value.isEmpty }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(renderText)
    }
}
