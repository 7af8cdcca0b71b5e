import Foundation
import Testing

/// `topograph lint` and `topograph rules` through the real binary: output, exit codes.
@Suite("topograph lint CLI", .serialized)
struct LintCLITests {
    static let example = "Docs/examples/session-store.yaml"
    static let findings = "Tests/Fixtures/lint/findings.yaml"

    static let warningsOnly = """
        topograph: 1
        name: w
        resources:
          alb: { kind: alb, scheme: internal }
          web: { kind: ecs-service }
        connections:
          - alb -> web
        """

    @Test func theExampleLintsClean() throws {
        let result = try CLI.run(["lint", Self.example])
        #expect(result.status == 0)
        #expect(result.stdout == "0 errors, 0 warnings\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func errorsExitOneWithPositionedFindings() throws {
        let result = try CLI.run(["lint", Self.findings])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(Self.findings):11:24: error: rds 'db' sits in public subnet 'public-a' [data-in-public-subnet]\n"))
        #expect(result.stdout.contains("[missing-health-check] (stage V1)\n"))
        #expect(result.stdout.hasSuffix("4 errors, 7 warnings\n"))
    }

    @Test func maxWarningsDecidesWhetherWarningsFail() throws {
        let tolerated = try CLI.run(["lint", "-"], stdin: Self.warningsOnly)
        #expect(tolerated.status == 0)
        #expect(tolerated.stdout == "<stdin>:5:3: warning: 'web' is behind alb 'alb' but has no health check path [missing-health-check]\n0 errors, 1 warning\n")
        #expect(try CLI.run(["lint", "-", "--max-warnings", "1"], stdin: Self.warningsOnly).status == 0)
        let strict = try CLI.run(["lint", "-", "--max-warnings", "0"], stdin: Self.warningsOnly)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("1 warnings, more than --max-warnings 0"))
        #expect(try CLI.run(["lint", "-", "--max-warnings", "-1"], stdin: Self.warningsOnly).status == 2)
    }

    @Test func stdinFilenameNamesWhatStandardInputIs() throws {
        let text = try CLI.run(["lint", "-", "--stdin-filename", "arch/web.yaml"], stdin: Self.warningsOnly)
        #expect(text.stdout.hasPrefix("arch/web.yaml:5:3: warning: "))
        let sarif = try CLI.run(["lint", "-", "--stdin-filename", "arch/my web.yaml", "--format", "sarif"], stdin: Self.warningsOnly)
        #expect(sarif.stdout.contains("\"uri\" : \"arch\\/my%20web.yaml\"") || sarif.stdout.contains("\"uri\" : \"arch/my%20web.yaml\""))
        // It names standard input, so it needs '-', and one line.
        #expect(try CLI.run(["lint", Self.example, "--stdin-filename", "x.yaml"]).status == 2)
        #expect(try CLI.run(["lint", "-", "--stdin-filename", ""], stdin: Self.warningsOnly).status == 2)
    }

    @Test func sarifRulesLinkToTheirSectionOfTheRulesPage() throws {
        let result = try CLI.run(["lint", Self.findings, "--format", "sarif", "--rules-url", "https://example.com/topograph/lint-rules.md"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let page = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("Docs/lint-rules.md"), encoding: .utf8)
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            #expect(rule["helpUri"] as? String == "https://example.com/topograph/lint-rules.md#\(id)")
            #expect(page.contains("\n## \(id)\n"), "Docs/lint-rules.md has no section for \(id)")
        }
        let egress = try #require(rules.first { $0["id"] as? String == "private-subnet-egress" })
        let help = try #require((egress["help"] as? [String: Any])?["markdown"] as? String)
        #expect(help.contains("- <https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html>"))
        #expect(try CLI.run(["lint", Self.findings, "--format", "sarif", "--rules-url", "lint-rules.md"]).status == 2)
    }

    @Test func stageSelectsWhatIsReported() throws {
        let v2 = try CLI.run(["lint", Self.findings, "--stage", "V2"])
        #expect(!v2.stdout.contains("missing-health-check"))
        let typo = try CLI.run(["lint", Self.findings, "--stage", "v9"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("no stage named 'v9'"))
    }

    @Test func badInputExitsTwoButOtherFilesAreStillLinted() throws {
        let result = try CLI.run(["lint", "missing.yaml", Self.findings])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.yaml"))
        #expect(result.stdout.contains("[data-in-public-subnet]"))
    }

    @Test func jsonAndSarifAreDeterministic() throws {
        for format in ["json", "sarif"] {
            let first = try CLI.run(["lint", Self.findings, Self.example, "--format", format])
            let second = try CLI.run(["lint", Self.findings, Self.example, "--format", format])
            #expect(first.status == 1)
            #expect(first.stdout == second.stdout)
            let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
            #expect(object != nil, "\(format) output is JSON")
        }
        let sarif = try CLI.run(["lint", Self.example, "--format", "sarif"]).stdout
        #expect(sarif.contains("\"version\" : \"2.1.0\""))
    }

    @Test func rulesListsShowsAndSuggests() throws {
        let list = try CLI.run(["rules"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("http-api-path-mapping"))
        #expect(list.stdout.contains("unused-suppression"))
        let one = try CLI.run(["rules", "nlb-cross-zone"])
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("nlb-cross-zone: NLB across zones without cross-zone load balancing\n"))
        #expect(one.stdout.contains("Fix: Set `cross_zone: true`"))
        let typo = try CLI.run(["rules", "nlb-crosszone"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'nlb-cross-zone'?"))
        let markdown = try CLI.run(["rules", "--markdown"])
        let committed = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("Docs/lint-rules.md"), encoding: .utf8)
        #expect(markdown.stdout == committed)
    }

    @Test func theCLIDocShowsRealOutput() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            at: CLI.repositoryRoot.appendingPathComponent(Self.findings), to: directory.appendingPathComponent("arch.yaml"))
        let result = try CLI.run(["lint", "arch.yaml"], in: directory)
        let doc = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("Docs/cli.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "$ topograph lint arch.yaml\n"))
        let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
        #expect(String(doc[start.upperBound..<end.lowerBound]) == result.stdout, "update the lint example in Docs/cli.md")
    }
}
