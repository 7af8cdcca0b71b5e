import Foundation
import Testing
@testable import TopographHTML
import TopographInput
import TopographModel
import TopographDiagram
import TopographTestSupport

private func page(_ relativePath: String, icons: IconSource = .none) throws -> String {
    let path = Fixtures.repositoryFile(relativePath).path
    let topology = try TopologyLoader().load(path: path, displayPath: relativePath)
    let builder = HTMLPageBuilder(renderOptions: RenderOptions(graphviz: GraphvizOptions(icons: icons)))
    return String(decoding: try builder.page(for: topology, source: relativePath), as: UTF8.self)
}

/// The example's page, built once: Graphviz lays out three stages per build.
private let examplePage: String? = try? page("Docs/examples/session-store.yaml")

@Suite struct HTMLPageTests {
    @Test func theExampleHasAStageControlAndADrawingPerStageWithResourceHooks() throws {
        let html = try #require(examplePage)
        for stage in ["V1", "V2", "V3"] {
            #expect(html.contains("data-stage=\"\(stage)\""))
            #expect(html.contains("data-drawing=\"\(stage)\""))
        }
        #expect(html.contains("data-resource=\"alb\""))
        #expect(html.contains("data-panel"))
        // Each stage's ids are its own: no two elements share one.
        #expect(html.contains("id=\"s1-r_alb\"") && html.contains("id=\"s3-r_alb\""))
    }

    @Test func iconsAreEmbeddedOnceForEveryStage() throws {
        // Icons of its own, so the test runs on a machine without the AWS icon package.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("page-icons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (kind, colour) in [("alb", "#8C4FFF"), ("ecs-service", "#ED7100"), ("elasticache-redis", "#C925D1")] {
            let icon = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"><rect width=\"64\" height=\"64\" fill=\"\(colour)\"/></svg>"
            try Data(icon.utf8).write(to: directory.appendingPathComponent("\(kind).svg"))
        }
        let html = try page("Docs/examples/session-store.yaml", icons: .directory(directory.path))
        let symbols = html.components(separatedBy: "<symbol ").count - 1
        let bodies = Set(html.components(separatedBy: "<symbol ").dropFirst().map { $0.drop { $0 != " " } })
        #expect(symbols > 0)
        #expect(symbols == bodies.count)
        #expect(html.components(separatedBy: "<svg class=\"tg-icons\"").count == 2)
    }

    @Test func thePolicyAllowsExactlyThePagesOwnScriptAndStyle() throws {
        let html = try #require(examplePage)
        let policy = HTMLPageDocument.contentSecurityPolicy(scripts: [HTMLPageDocument.script], style: HTMLPageDocument.style)
        #expect(html.contains("content=\"\(HTMLText.escaped(policy))\""))
        #expect(policy.hasPrefix("default-src 'none'"))
        #expect(!policy.contains("unsafe"))
        #expect(html.contains("<script>\(HTMLPageDocument.script)</script>"))
        #expect(html.contains("<style>\(HTMLPageDocument.style)</style>"))
        // Nothing is loaded from anywhere: no src, no stylesheet link.
        #expect(!html.contains(" src="))
        #expect(!html.contains("<link"))
    }

    @Test func thePageIsTheSameByteForByte() throws {
        let first = try #require(examplePage)
        #expect(try page("Docs/examples/session-store.yaml") == first)
    }

    @Test func hostileValuesStayText() throws {
        let html = try page("Tests/Fixtures/render/hostile-labels.yaml")
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<b>bold</b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // The data block cannot be closed early by a value.
        let data = html.components(separatedBy: "<script type=\"application/json\" id=\"tg-data\">")[1].components(separatedBy: "</script>")[0]
        #expect(!data.contains("<"))
    }

    @Test func theDataBlockNamesTheMigrationsChanges() throws {
        let html = try #require(examplePage)
        let json = html.components(separatedBy: "id=\"tg-data\">")[1].components(separatedBy: "</script>")[0]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.count == 3)
        #expect(stages[0]["changes"] == nil)
        let changes = try #require(stages[1]["changes"] as? [String: Any])
        let resources = try #require(changes["resources"] as? [[String: Any]])
        #expect(resources.contains { $0["change"] as? String == "added" && $0["id"] as? String == "api" })
    }
}

@Suite struct HTMLEscapingTests {
    @Test func htmlTextEscapesMarkupAndQuotes() {
        #expect(HTMLText.escaped("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escaped("line\none\u{202E}") == "line\none\\u{202E}")
    }

    @Test func scriptTextKeepsJSONButNeverClosesTheElement() throws {
        let json = #"{"a":"</script><!-- & \u2028"}"#
        let embedded = ScriptText.embedded(json: json)
        #expect(!embedded.contains("<") && !embedded.contains(">") && !embedded.contains("&"))
        let decoded = try JSONSerialization.jsonObject(with: Data(embedded.utf8)) as? [String: String]
        let original = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(decoded == original)
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesFIPSVectors(input: String, expected: String) {
        #expect(SHA256.digest(Array(input.utf8)).map { String(format: "%02x", $0) }.joined() == expected)
    }

    @Test func sha256OfAMillionAs() {
        let digest = SHA256.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(digest.map { String(format: "%02x", $0) }.joined() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct RunbookSectionTests {
    @Test func shellCommentsInFencesAreNotHeadings() {
        let markdown = "## Group\n\n### Web ALB (`x`, ALB)\n\n```bash\n# not a heading\n### nor this\n```\n\n### Other\ntext\n"
        let sections = RunbookSections.split(markdown)
        #expect(sections.map(\.heading) == ["Web ALB (`x`, ALB)", "Other"])
        #expect(sections[0].markdown.contains("### nor this"))
    }

    /// Stage V1's and V2's sections differ only in their blocks' names: the page keeps them
    /// once (and Ink gets a language, not `bash { name=v1-lb }`, for the class name).
    @Test func blockAttributesAreLeftOutSoStagesShareSections() {
        let v1 = "### Web (`web`, ALB)\n\n```bash { name=v1-lb-web excludeFromRunAll=true }\necho {a}\n```\n  ~~~sh { name=v1-x }\n"
        let v2 = v1.replacingOccurrences(of: "v1-", with: "v2-")
        #expect(RunbookSections.withoutBlockAttributes(v1) == "### Web (`web`, ALB)\n\n```bash\necho {a}\n```\n  ~~~sh\n")
        #expect(RunbookSections.withoutBlockAttributes(v1) == RunbookSections.withoutBlockAttributes(v2))
    }
}
