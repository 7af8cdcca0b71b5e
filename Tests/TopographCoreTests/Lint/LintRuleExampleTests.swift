import Foundation
import Testing
@testable import TopographCore

/// Every rule's documented examples are its tests: triggering examples must produce
/// findings exactly at their `↓` markers, non-triggering ones none at all.
@Suite("Lint rule examples")
struct LintRuleExampleTests {
    static var ruleIDs: [String] { LintRegistry.descriptions.map(\.id) }

    func violations(of id: String, in example: LintExample) throws -> (found: [(Int, Int)], expected: [(Int, Int)]) {
        let rule = try #require(LintRegistry.rule(id))
        let (text, expected) = example.stripped
        let topology = try TopologyLoader().load(text: text, file: "example.yaml")
        let found = topology.stages.flatMap { rule.check($0) }.map { ($0.location.line, $0.location.column) }
        return (found, expected)
    }

    @Test("triggering examples hit exactly the markers", arguments: ruleIDs)
    func triggering(_ id: String) throws {
        let description = try #require(LintRegistry.rule(id)).description
        for example in description.triggering {
            let (found, expected) = try violations(of: id, in: example)
            #expect(!expected.isEmpty, "example on line \(example.line) has no ↓ marker")
            let foundText = found.map { "\($0.0):\($0.1)" }.sorted()
            let expectedText = expected.map { "\($0.0):\($0.1)" }.sorted()
            #expect(foundText == expectedText, "\(id), example on line \(example.line): findings at \(foundText), markers at \(expectedText)")
        }
    }

    @Test("non-triggering examples find nothing", arguments: ruleIDs)
    func nonTriggering(_ id: String) throws {
        let description = try #require(LintRegistry.rule(id)).description
        for example in description.nonTriggering {
            let (found, _) = try violations(of: id, in: example)
            #expect(found.isEmpty, "\(id), example on line \(example.line) triggers at \(found)")
        }
    }
}

@Suite("Lint registry")
struct LintRegistryTests {
    @Test func idsAreUniqueKebabCaseAndSorted() {
        let ids = LintRegistry.descriptions.map(\.id)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.range(of: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id) is not kebab-case")
        }
    }

    @Test func everyRuleFileIsRegistered() throws {
        let directory = Fixtures.repositoryFile("Sources/TopographCore/Lint/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix("Rule.swift") }
        let registered = Set(LintRegistry.all.map { String(describing: $0) + ".swift" })
        #expect(Set(files) == registered)
    }

    @Test func everyRuleHasExamplesBothWays() {
        for description in LintRegistry.descriptions {
            #expect(!description.triggering.isEmpty, "\(description.id) has no triggering example")
            #expect(!description.nonTriggering.isEmpty, "\(description.id) has no non-triggering example")
            #expect(!description.summary.hasSuffix("."), "\(description.id): summary ends with a period")
        }
    }

    @Test func lintRulesDocumentIsUpToDate() throws {
        let committed = try String(contentsOf: Fixtures.repositoryFile("Docs/lint-rules.md"), encoding: .utf8)
        #expect(
            committed == LintRulesDocument.markdown(),
            "Docs/lint-rules.md is out of date: run `swift run topograph rules --markdown > Docs/lint-rules.md`")
    }

    @Test func everyExampleLintsClean() throws {
        for url in Fixtures.examples {
            let topology = try TopologyLoader().load(path: url.path)
            let report = Linter().lint(topology)
            #expect(report.findings.isEmpty, "\(url.lastPathComponent): \(LintReporter.text(report))")
        }
    }
}

@Suite("Linter")
struct LinterTests {
    static let yaml = """
        topograph: 1
        name: t
        lint: { ignore: [single-zone-load-balancer, nlb-cross-zone, missing-helth-check] }
        resources:
          alb: { kind: alb, scheme: internet-facing }
          web: { kind: ecs-service, lint: { ignore: [missing-health-check, autoscaling-bounds] } }
          api: { kind: ecs-service }
        connections:
          - alb -> web
          - alb -> api
        stages:
          - name: V1
          - name: V2
            change:
              api: { health_check: /health }
        """

    func report() throws -> LintReport {
        Linter().lint(try TopologyLoader().load(text: Self.yaml, file: "t.yaml"))
    }

    @Test func suppressionsApplyAndStaleOnesAreReported() throws {
        let findings = try report().findings
        let rules = findings.map(\.ruleID)
        #expect(!rules.contains("single-zone-load-balancer"))
        #expect(findings.contains { $0.ruleID == "unused-suppression" && $0.message.contains("'nlb-cross-zone'") })
        #expect(findings.contains { $0.ruleID == "unused-suppression" && $0.message.contains("'autoscaling-bounds'") })
        let unknown = try #require(findings.first { $0.ruleID == LintRegistry.unknownRuleID })
        #expect(unknown.message.contains("did you mean 'missing-health-check'?"))
        #expect(unknown.location.line == 3)
    }

    @Test func findingsNameTheStagesTheyHoldIn() throws {
        let api = try #require(try report().findings.first { $0.ruleID == "missing-health-check" })
        #expect(api.resourceID == "api")
        #expect(api.stages == ["V1"])
        #expect(api.location.line == 7)
    }

    @Test func sarifHasRulesAndRegions() throws {
        let sarif = try LintReporter.sarif(try report())
        let object = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        let run = try #require((object?["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == LintRegistry.all.count + 2)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
    }
}
