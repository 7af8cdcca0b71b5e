import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographLint
import TopographTestSupport

@Suite("Linter")
struct LinterTests {
    static let yaml = """
        topograph: 1
        name: t
        lint: { ignore: [single-zone-load-balancer, nlb-cross-zone, missing-helth-check] }
        resources:
          alb: { kind: alb, scheme: internet-facing, zones: [us-east-1a] }
          web: { kind: ecs-service, lint: { ignore: [missing-health-check, autoscaling-bounds] } }
          api: { kind: ecs-service }
          db: { kind: rds, lint: { ignore: [data-in-public-subnet] } }
        connections:
          - alb -> web
          - alb -> api
        stages:
          - name: V1
          - name: V2
            change:
              api: { health_check: /health }
          - name: V3
            change:
              db: { public: true }
        """

    func report(stages: [String]? = nil) throws -> LintReport {
        let topology = try TopologyLoader().load(text: Self.yaml, file: "t.yaml")
        return Linter().lint(topology, stages: stages.map { names in topology.stages.filter { names.contains($0.stage.name) } })
    }

    @Test func suppressionsApplyAndStaleOnesAreReported() throws {
        let findings = try report().findings
        #expect(!findings.contains { $0.ruleID == "single-zone-load-balancer" })
        #expect(!findings.contains { $0.ruleID == "missing-health-check" && $0.resourceID == "web" })
        let unused = findings.filter { $0.ruleID == LintRegistry.unusedSuppressionID }.map(\.message)
        #expect(unused.count == 2)
        #expect(unused.contains { $0.contains("'nlb-cross-zone'") })
        #expect(unused.contains { $0.contains("'web' suppresses 'autoscaling-bounds'") })
        let unknown = try #require(findings.first { $0.ruleID == LintRegistry.unknownRuleID })
        #expect(unknown.message.contains("did you mean 'missing-health-check'?"))
        #expect(unknown.severity == .error)
        #expect("\(unknown.location)" == "t.yaml:3:61")
    }

    @Test func findingsNameTheStagesTheyHoldIn() throws {
        let api = try #require(try report().findings.first { $0.ruleID == "missing-health-check" })
        #expect(api.resourceID == "api")
        #expect(api.stages == ["V1"])
        #expect("\(api.location)" == "t.yaml:7:3")
    }

    @Test func aSuppressionUsedOnlyInAnotherStageIsNotUnused() throws {
        // db is public only in V3; linting V1 alone must not call its suppression stale.
        let findings = try report(stages: ["V1"]).findings
        #expect(!findings.contains { $0.ruleID == LintRegistry.unusedSuppressionID && $0.resourceID == "db" })
        #expect(findings.contains { $0.ruleID == "missing-health-check" && $0.stages.isEmpty })
        #expect(try report(stages: ["V2"]).findings.allSatisfy { $0.ruleID != "missing-health-check" })
    }

    @Test func outputIsSortedAndDeterministic() throws {
        let first = try LintReporter.json(try report())
        #expect(first == (try LintReporter.json(try report())))
        let locations = try report().findings.map(\.location)
        #expect(locations == locations.sorted())
    }

    @Test func textNamesPositionSeverityRuleAndStages() throws {
        let text = LintReporter.text(try report())
        #expect(text.contains("t.yaml:7:3: warning: 'api' is behind alb 'alb' but has no health check path [missing-health-check] (stage V1)\n"))
        #expect(text.hasSuffix("1 error, 3 warnings\n"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let json = try LintReporter.json(try report())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "findings", "inputErrors", "summary"])
        #expect((object["inputErrors"] as? [Any])?.isEmpty == true)
        #expect(object["version"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        for finding in findings {
            #expect(Set(finding.keys) == ["rule", "severity", "message", "file", "line", "column", "resource", "stages"])
        }
        #expect(object["summary"] as? [String: Int] == ["errors": 1, "warnings": 3, "failedFiles": 0])
    }

    @Test func sarifCarriesRuleMetadataAndRegions() throws {
        let sarif = try SARIFLintReporter.render(try report(), toolVersion: "9.9.9")
        let object = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        #expect(object?["version"] as? String == "2.1.0")
        let run = try #require((object?["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["version"] as? String == "9.9.9")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == LintRegistry.allDescriptions.map(\.id))
        let dataRule = try #require(rules.first { $0["id"] as? String == "data-in-public-subnet" })
        #expect(dataRule["name"] as? String == "DataInPublicSubnet")
        #expect((dataRule["defaultConfiguration"] as? [String: String])?["level"] == "error")
        #expect((dataRule["properties"] as? [String: Any])?["security-severity"] as? String == "7.5")
        for key in ["shortDescription", "fullDescription", "help"] {
            #expect((dataRule[key] as? [String: Any])?["text"] is String, "\(key) has text")
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == (try report().findings.count))
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: String]) == ["uri": "t.yaml", "uriBaseId": "%SRCROOT%"])
            #expect((location["region"] as? [String: Int])?["startLine"] != nil)
        }
    }

    @Test func sarifURIsArePercentEncoded() {
        #expect(SARIFLintReporter.artifactLocation("docs/my arch.yaml").uri == "docs/my%20arch.yaml")
        #expect(SARIFLintReporter.artifactLocation("./a.yaml").uri == "a.yaml")
        let absolute = SARIFLintReporter.artifactLocation("/tmp/a b.yaml")
        #expect(absolute.uri == "file:///tmp/a%20b.yaml")
        #expect(absolute.uriBaseId == nil)
    }
}
