import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographDiagram
import TopographTestSupport

/// What Mermaid's lexer could read as syntax never reaches it raw; the real-browser check
/// (scripts/checks/mermaid.sh) proves the escaped text renders as the original text.
@Suite("Mermaid escaping")
struct MermaidTextTests {
    @Test(arguments: ["\"", "[", "]", "{", "}", "|", "#", ";", "<", ">", "&", "`", "\\"])
    func syntaxCharactersBecomeEntities(_ character: String) {
        let escaped = MermaidText.label("a\(character)b")
        #expect(escaped == "a#\(character.unicodeScalars.first!.value);b")
    }

    @Test func directivesAreBroken() {
        let escaped = MermaidText.label("%%{init: {\"theme\": \"dark\"}}%%")
        #expect(!escaped.contains("%%"))
        #expect(!escaped.contains("{"))
    }

    @Test func unicodeStaysReadable() {
        #expect(MermaidText.label("Ünïcødé 日本語 🚀") == "Ünïcødé 日本語 🚀")
    }

    @Test func newlinesBecomeLineBreaks() {
        #expect(MermaidText.label("one\ntwo") == "one<br/>two")
    }

    @Test(arguments: ["end", "subgraph", "graph", "style", "class", "click", "default", "flowchart", "direction"])
    func keywordsAreNeverBareIDs(_ id: String) {
        #expect(MermaidText.id(id) == "r_\(id)")
    }

    @Test func idsStayDistinct() {
        #expect(MermaidText.id("web-app") != MermaidText.id("webapp"))
    }

    @Test func urlsCannotCloseTheirString() {
        #expect(MermaidText.url("https://x.test/?q=\"a b\"") == "https://x.test/?q=%22a%20b%22")
    }

    /// Mermaid 11's `encodeEntities` runs these over the source before parsing and drops the
    /// last character of each match. With an id or label holding `style`, that used to be the
    /// `;` of the line's last entity (an edge label `...}}%%` showed as `...}}#37%`).
    @Test func mermaidsStylePrepassOnlyTakesTheTerminator() throws {
        let yaml = """
            topograph: 1
            name: prepass
            resources:
              style: { kind: vpc, label: 'classDef Lifestyle:"main" 100%%' }
              web: { kind: ecs-service, in: style, label: 'classDef x:"y"', links: ["https://x.test/a:b#frag;c"] }
              classdef: { kind: elasticache-redis }
            connections:
              - web -> classdef: 'sessions'
              - style -> classdef: 'Cache-Control:"no-store" %%'
            """
        let topology = try TopologyLoader().load(text: yaml, file: "prepass.yaml")
        let source = String(decoding: try StageRenderer().render(topology.stages[0], format: .mermaid).data, as: UTF8.self)
        let prepasses = [try Regex(#"style.*:\S*#.*;"#), try Regex(#"classDef.*:\S*#.*;"#)]
        var touched = 0
        for line in source.split(separator: "\n").map(String.init) {
            var prepassed = line
            for pattern in prepasses {
                let before = prepassed
                prepassed = before.replacing(pattern) { String(before[$0.range].dropLast()) }
            }
            if prepassed != line { touched += 1 }
            let taken = line.dropFirst(prepassed.count)
            #expect(line.hasPrefix(prepassed) && taken.allSatisfy { $0 == ";" }, "Mermaid's pre-pass breaks: \(line)")
        }
        #expect(touched >= 3, "the fixture no longer exercises the pre-pass")
    }

    @Test func hostileFixtureRendersWithoutRawSyntax() throws {
        let topology = try TopologyLoader().load(path: Fixtures.url("render/hostile-labels.yaml").path)
        let source = String(decoding: try StageRenderer().render(topology.stages[0], format: .mermaid).data, as: UTF8.self)
        // The front matter (its title is a YAML string, checked on its own), the marker
        // comment and `flowchart`.
        let lines = source.split(separator: "\n")
        #expect(lines[1] == #"title: "Hostile \"labels\" <script>alert(1)</script> & friends""#)
        let body = lines.dropFirst(5)
        for line in body {
            #expect(!line.contains("<script"), "raw <script> in: \(line)")
            #expect(!line.contains("%%"), "directive in: \(line)")
        }
    }
}
