import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographRunbooks
import TopographTestSupport

/// Values rendered through Mustache templates are escaped for where they land.
@Suite("Markdown template escaping")
struct MarkdownTemplateEscapingTests {
    func render(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (key, value) in values {
            text = text.replacingOccurrences(of: "{{\(key)}}", with: MarkdownTemplateEscaping.ContentType().escapeText(value))
        }
        return MarkdownTemplateEscaping.finish(text)
    }

    @Test func proseValuesAreInlineEscaped() {
        #expect(render("# Runbook: {{t}}", ["t": "<b>x</b>\n```"]) == "# Runbook: &lt;b&gt;x&lt;/b&gt; \\`\\`\\`")
    }

    @Test func codeSpansAreRebuiltAroundValues() {
        #expect(render("the `{{n}}` service", ["n": "we`b"]) == "the ``we`b`` service")
        #expect(render("| `{{n}}` |", ["n": "a|b"]) == "| `a\\|b` |")
        #expect(render("plain `code` stays", [:]) == "plain `code` stays")
    }

    @Test func fencesOutgrowTheirValues() {
        let rendered = render("```bash\necho {{v}}\n```\nafter", ["v": "x\n```\n<b>"])
        #expect(rendered == "````bash\necho x\n```\n<b>\n````\nafter")
    }

    @Test func indentedFencesKeepValueLinesIndented() {
        let rendered = render("- item\n\n  ```bash\n  run {{v}}\n  ```", ["v": "a\nb"])
        #expect(rendered == "- item\n\n  ```bash\n  run a\n  b\n  ```")
    }

    @Test func marksInValuesCannotForgeBoundaries() {
        #expect(render("{{v}}", ["v": "\u{E001}<b>\u{E000}"]) == "&lt;b&gt;")
    }
}
