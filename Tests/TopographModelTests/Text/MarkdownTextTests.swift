import Testing
@testable import TopographModel
import TopographTestSupport

/// Values from a topology never become Markdown or HTML syntax. The real-renderer check
/// (scripts/checks/markdown-inert.sh) renders every generated page with markdown-it-py,
/// raw HTML on, and proves no value turned live; these pin the escaper's rules.
@Suite("Markdown escaping")
struct MarkdownTextTests {
    @Test func htmlBecomesEntities() {
        #expect(MarkdownText.inline("<img src=x onerror='alert(1)'>&amp;\"")
            == "&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;amp;&quot;")
    }

    @Test(arguments: ["\\", "`", "*", "[", "]", "|", "~", "$", "#"])
    func punctuationIsBackslashEscaped(_ character: String) {
        #expect(MarkdownText.inline("a\(character)b") == "a\\\(character)b")
    }

    @Test func intrawordUnderscoresStayReadable() {
        #expect(MarkdownText.inline("session_store") == "session_store")
        #expect(MarkdownText.inline("_emphasis_ x") == "\\_emphasis\\_ x")
    }

    @Test(arguments: [("- item", "\\- item"), ("+ item", "\\+ item"), ("===", "\\==="),
                      ("1. first", "1\\. first"), ("12) x", "12\\) x"), ("v1.2 - a", "v1.2 - a")])
    func lineStartMarkersAreEscapedOnlyThere(_ input: String, _ expected: String) {
        #expect(MarkdownText.inline(input) == expected)
    }

    @Test(arguments: ["a\nb", "a\r\nb", "a\rb", "a\u{2028}b", "a\u{85}b", "a\tb"])
    func lineBreaksBecomeSpaces(_ input: String) {
        #expect(MarkdownText.inline(input) == "a b")
    }

    @Test func aFenceInATitleCannotOpenABlock() {
        let escaped = MarkdownText.inline("Title\n```\n<script>")
        #expect(!escaped.contains("\n"))
        #expect(escaped == "Title \\`\\`\\` &lt;script&gt;")
    }

    @Test func edgeSpacesCannotIndentOrBreak() {
        #expect(MarkdownText.inline("    code") == "&#32;   code")
        #expect(MarkdownText.inline("end  ") == "end &#32;")
    }

    @Test func controlCharactersAreShownNotWritten() {
        #expect(MarkdownText.inline("a\u{1B}[2Jb") == "a\\\\u{1B}\\[2Jb")
        #expect(MarkdownText.inline("x\u{202E}y") == "x\\\\u{202E}y")
        #expect(MarkdownText.codeSpan("a\u{1B}b") == "`a\\u{1B}b`")
    }

    @Test func unicodeAndEmojiSequencesStayIntact() {
        #expect(MarkdownText.inline("Ünïcødé 日本語 👩‍💻") == "Ünïcødé 日本語 👩‍💻")
    }

    @Test(arguments: [("plain", "`plain`"), ("a`b", "``a`b``"), ("``x", "``` ``x ```"),
                      ("x`", "`` x` ``"), (" padded ", "`  padded  `"), ("", "` `"), ("   ", "`   `")])
    func codeSpansOutnumberTheBackticksInside(_ input: String, _ expected: String) {
        #expect(MarkdownText.codeSpan(input) == expected)
    }

    @Test func codeSpansStayOnOneLine() {
        #expect(MarkdownText.codeSpan("a\n```\nb") == "````a ``` b````")
    }

    @Test func codeSpansInTablesEscapePipes() {
        #expect(MarkdownText.codeSpan("a|b", inTable: true) == "`a\\|b`")
        #expect(MarkdownText.codeSpan("a|b") == "`a|b`")
    }

    @Test func fencesOutnumberTheBackticksInside() {
        #expect(MarkdownText.fence("echo hi", info: "bash") == "```bash\necho hi\n```")
        let nested = "before\n````\ninside\n````\nafter\n"
        let fenced = MarkdownText.fence(nested, info: "yaml")
        #expect(fenced == "`````yaml\n\(nested)`````")
    }

    @Test func fenceInfoKeepsOnlyALanguageName() {
        #expect(MarkdownText.fence("x", info: "sh`injected <b>") == "```shinjectedb\nx\n```")
        #expect(MarkdownText.fence("", info: "") == "```\n```")
    }

    @Test func userMarkdownKeepsFormattingButNoHTML() {
        #expect(MarkdownText.block("**Bold** and `code`\n\n<script>x</script>") == "**Bold** and `code`\n\n&lt;script>x&lt;/script>")
    }

    @Test func userMarkdownCannotLeaveAFenceOpen() {
        #expect(MarkdownText.block("intro\n````\ncode <b>") == "intro\n````\ncode <b>\n````")
        #expect(MarkdownText.block("```\na\n```\nafter <i>") == "```\na\n```\nafter &lt;i>")
    }

    @Test func fencesInsideContainersStayText() {
        #expect(MarkdownText.block("- ```\n  <b>") == "- \\```\n  &lt;b>")
        #expect(MarkdownText.block("  ```") == "  \\```")
        #expect(MarkdownText.block("> ~~~") == "> \\~~~")
    }
}
