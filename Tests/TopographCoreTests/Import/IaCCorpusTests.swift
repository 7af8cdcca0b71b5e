import Foundation
import Testing
@testable import TopographModel
@testable import TopographImport

/// Over `../shared/iac-corpus/` (public templates nobody here wrote; the cases are listed in
/// `Tests/Corpus/iac/corpus-cases.txt`): every resource whose type has a kind in the
/// catalog becomes a resource or is folded into one (an Aurora instance into its cluster),
/// never skipped. The CLI side (exit codes, validate, self-drift) is scripts/checks/iac-corpus.sh.
@Suite("IaC corpus")
struct IaCCorpusTests {
    static let corpus = Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/iac-corpus")

    struct Case {
        var path: String
        var inputs: [String]
        var expectation: String
    }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: Fixtures.repositoryFile("Tests/Corpus/iac/corpus-cases.txt"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard let first = words.first, !first.hasPrefix("#") else { return nil }
            let companions = words.filter { $0.hasPrefix("+") }.map { corpus.appendingPathComponent(String($0.dropFirst())).path }
            let expectation = words.first { $0.hasPrefix("!") }.map { String($0.dropFirst()) } ?? "ok"
            return Case(path: first, inputs: companions + [corpus.appendingPathComponent(first).path], expectation: expectation)
        }
    }

    @Test func everyResourceWithAKindIsRecovered() throws {
        guard FileManager.default.fileExists(atPath: Self.corpus.path) else {
            print("IaC corpus: skipped: \(Self.corpus.path) is absent (it sits beside the clone in CI)")
            return
        }
        var lines: [String] = []
        var totals = (withKind: 0, recovered: 0)
        for testCase in try Self.cases() where testCase.expectation != "invalid" {
            let terraform = testCase.path.hasSuffix(".plan.json")
            // Not a git repository and outside the working directory: its nested templates
            // (`../../shared/templates/dlq.yaml`) are trusted explicitly (`ReadContainment`).
            let model = terraform
                ? try TerraformPlanReader().load(paths: testCase.inputs)
                : try CloudFormationLoader(containment: ReadContainment(allowOutside: [Self.corpus.path])).load(paths: testCase.inputs)
            let result = TopologyImporter().run(model)
            func kinds(_ type: String) -> [String] {
                (terraform ? KindIaCTypes.kinds(terraform: type) : KindIaCTypes.kinds(cloudFormation: type))
                    .filter { $0 != "security-group" && $0 != "iam-role" }
            }
            for note in result.notes where note.outcome == .skipped {
                #expect(kinds(note.type).isEmpty, "\(testCase.path): \(note.type) has a kind (\(kinds(note.type).joined(separator: ", "))) but \(note.count) were skipped: \(note.reason)")
            }
            let withKind = model.resources.filter { !kinds($0.sourceType).isEmpty }
            let drawn = Set(result.sourceByID.values.map(\.key))
            let recovered = withKind.filter { drawn.contains($0.key) }
            totals.withKind += withKind.count
            totals.recovered += recovered.count
            lines.append("\(testCase.path): \(recovered.count)/\(withKind.count) resources with a kind drawn (the rest folded into one)")
        }
        print((lines + ["IaC corpus: \(totals.recovered)/\(totals.withKind) resources with a kind drawn"]).joined(separator: "\n"))
    }
}
