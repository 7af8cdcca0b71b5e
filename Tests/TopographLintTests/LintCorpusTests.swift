import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographLint
import TopographTestSupport

/// Recall and precision of the rules on a planted-mistake corpus: `Tests/LintCorpus/mistakes`
/// holds small topologies with one realistic mistake each, whose first line names the rule
/// ids expected (`# expect: rule-a, rule-b`, each exactly once); `Tests/LintCorpus/correct`
/// holds correct designs, adversarial ones among them, that must lint silent.
@Suite("Lint corpus")
struct LintCorpusTests {
    struct Case {
        var file: URL
        var expected: [String]
        var found: [String]
    }

    static let root = Fixtures.repositoryFile("Tests/LintCorpus")

    static func files(_ folder: String) -> [URL] {
        let directory = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0) }
    }

    static func expected(in text: String) -> [String]? {
        guard let first = text.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("# expect:") else { return nil }
        return first.dropFirst("# expect:".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func lint(_ url: URL) throws -> (LoadedTopology, LintReport) {
        let topology = try TopologyLoader().load(path: url.path, displayPath: "Tests/LintCorpus/\(url.deletingLastPathComponent().lastPathComponent)/\(url.lastPathComponent)")
        return (topology, Linter().lint(topology))
    }

    static func cases() throws -> (mistakes: [Case], correct: [Case]) {
        var mistakes: [Case] = []
        for url in files("mistakes") {
            let text = try String(contentsOf: url, encoding: .utf8)
            let expected = try #require(Self.expected(in: text), "\(url.lastPathComponent) does not start with `# expect: rule-id`")
            mistakes.append(Case(file: url, expected: expected, found: try lint(url).1.findings.map(\.ruleID)))
        }
        let correct = try files("correct").map { Case(file: $0, expected: [], found: try lint($0).1.findings.map(\.ruleID)) }
        return (mistakes, correct)
    }

    /// True positives, false negatives and false positives, counting each expected id once:
    /// a second finding of the same rule in a file is a duplicate, so a false positive.
    static func score(_ cases: [Case]) -> (truePositives: Int, falseNegatives: Int, falsePositives: Int) {
        var tp = 0, fn = 0, fp = 0
        for item in cases {
            var remaining = item.found
            for id in item.expected {
                if let index = remaining.firstIndex(of: id) {
                    remaining.remove(at: index)
                    tp += 1
                } else {
                    fn += 1
                }
            }
            fp += remaining.count
        }
        return (tp, fn, fp)
    }

    @Test func recallAndPrecision() throws {
        let (mistakes, correct) = try Self.cases()
        #expect(mistakes.count >= 40, "the corpus needs at least 40 planted mistakes, has \(mistakes.count)")
        #expect(correct.count >= 25, "the corpus needs at least 25 correct designs, has \(correct.count)")
        let (tp, fn, fp) = Self.score(mistakes + correct)
        let recall = Double(tp) / Double(max(tp + fn, 1))
        let precision = Double(tp) / Double(max(tp + fp, 1))
        print(String(format: "lint corpus: recall %.1f%% (%d/%d), precision %.1f%% (%d/%d), %d mistake files, %d correct files",
                     recall * 100, tp, tp + fn, precision * 100, tp, tp + fp, mistakes.count, correct.count))
        for item in mistakes where Self.score([item]) != (item.expected.count, 0, 0) {
            print("  \(item.file.lastPathComponent): expected \(item.expected), found \(item.found)")
        }
        #expect(recall >= 0.95, "recall \(recall) is below 95%")
        #expect(precision >= 0.95, "precision \(precision) is below 95%")
    }

    @Test func correctDesignsAreSilent() throws {
        for item in try Self.cases().correct {
            #expect(item.found.isEmpty, "\(item.file.lastPathComponent) is a correct design but gets \(item.found)")
        }
    }

    @Test func everyRuleHasAPlantedMistake() throws {
        let expected = Set(try Self.cases().mistakes.flatMap(\.expected))
        for description in LintRegistry.descriptions {
            #expect(expected.contains(description.id), "no file in Tests/LintCorpus/mistakes expects \(description.id)")
        }
        let known = Set(LintRegistry.allDescriptions.map(\.id))
        #expect(expected.isSubset(of: known), "unknown rule ids expected: \(expected.subtracting(known).sorted())")
    }

    @Test func corpusFilesLoadWithoutWarnings() throws {
        for url in Self.files("mistakes") + Self.files("correct") {
            let (topology, _) = try Self.lint(url)
            #expect(topology.warnings.isEmpty, "\(url.lastPathComponent): \(topology.warnings)")
        }
    }

    @Test func aFindingThatChangesBetweenStagesIsReportedOnce() throws {
        let (_, report) = try Self.lint(Self.root.appendingPathComponent("mistakes/stage-egress-narrows.yaml"))
        let egress = report.findings.filter { $0.ruleID == "private-subnet-egress" }
        #expect(egress.count == 1)
        #expect(egress.first?.stages == ["V1", "V2"])
        // The wording is the latest stage's: only logs is still missing in V2.
        #expect(egress.first?.message.contains("no VPC endpoint for logs") == true, "\(egress)")
    }

    /// The shared corpus (realistic topologies) and the bundled examples must never get a
    /// false error; warnings there are advice the designs may take or suppress.
    @Test func sharedCorpusHasNoErrors() throws {
        let shared = Fixtures.repositoryFile("Tests/Corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: shared.path)) ?? []
        let urls = names.filter { $0.hasSuffix(".yaml") }.sorted().map { shared.appendingPathComponent($0) } + Fixtures.examples
        for url in urls {
            guard let topology = try? TopologyLoader().load(path: url.path) else { continue }
            let errors = Linter().lint(topology).findings.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(url.lastPathComponent): \(LintReporter.text(LintReport(findings: errors)))")
        }
    }

    /// Tests/LintCorpus/README.md lists every rule with its corpus files; regenerate it
    /// with `TOPOGRAPH_UPDATE_CORPUS_INDEX=1 swift test --filter LintCorpus`.
    @Test func corpusIndexIsUpToDate() throws {
        let (mistakes, correct) = try Self.cases()
        var lines = [
            "<!-- generated by LintCorpusTests: TOPOGRAPH_UPDATE_CORPUS_INDEX=1 swift test --filter LintCorpus -->",
            "# Lint corpus", "",
            "Planted mistakes (`mistakes/`, first line `# expect: rule-id`) and correct designs (`correct/`,",
            "which must lint silent). `LintCorpusTests` computes recall and precision over them and fails",
            "below 95% recall or on any finding in a correct design.", "",
            "| rule | severity | mistake files |", "|---|---|---|",
        ]
        for description in LintRegistry.descriptions {
            let names = mistakes.filter { $0.expected.contains(description.id) }.map { "`\($0.file.lastPathComponent)`" }
            lines.append("| [`\(description.id)`](../../Docs/lint-rules.md#\(description.id)) | \(description.severity.rawValue) | \(names.joined(separator: ", ")) |")
        }
        lines += ["", "Correct designs:", ""]
        for item in correct {
            let text = try String(contentsOf: item.file, encoding: .utf8)
            let about = text.split(separator: "\n").first.map { $0.hasPrefix("# ") ? String($0.dropFirst(2)) : "" } ?? ""
            lines.append("- `\(item.file.lastPathComponent)`: \(about)")
        }
        let index = lines.joined(separator: "\n") + "\n"
        let url = Self.root.appendingPathComponent("README.md")
        if ProcessInfo.processInfo.environment["TOPOGRAPH_UPDATE_CORPUS_INDEX"] == "1" {
            try index.write(to: url, atomically: true, encoding: .utf8)
        }
        let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(committed == index, "Tests/LintCorpus/README.md is out of date: TOPOGRAPH_UPDATE_CORPUS_INDEX=1 swift test --filter LintCorpus")
    }
}
