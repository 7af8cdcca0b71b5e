import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographLint
import TopographTestSupport

/// Every rule's documented examples are its tests: triggering examples must produce
/// findings exactly at their `↓` markers, non-triggering ones none at all. The findings about
/// suppressions are documented the same way and run through the whole `Linter`.
@Suite("Lint rule examples")
struct LintRuleExampleTests {
    static var ids: [String] { LintRegistry.allDescriptions.map(\.id) }

    /// "line:column" of each finding of rule `id` in the example, and of each marker.
    func positions(of id: String, in example: LintExample) throws -> (found: [String], expected: [String]) {
        let (text, markers) = example.stripped
        let topology = try TopologyLoader().load(text: text, file: "example.yaml")
        #expect(topology.warnings.isEmpty, "\(id), example on line \(example.line) loads with warnings: \(topology.warnings)")
        let locations: [TopographModel.SourceLocation]
        if let rule = LintRegistry.rule(id) {
            locations = topology.stages.flatMap { rule.check($0) }.map(\.location)
        } else {
            locations = Linter().lint(topology).findings.filter { $0.ruleID == id }.map(\.location)
        }
        return (locations.map { "\($0.line):\($0.column)" }.sorted(), markers.map { "\($0.line):\($0.column)" }.sorted())
    }

    @Test("triggering examples hit exactly the markers", arguments: ids)
    func triggering(_ id: String) throws {
        let description = try #require(LintRegistry.description(id))
        for example in description.triggering {
            let (found, expected) = try positions(of: id, in: example)
            #expect(!expected.isEmpty, "\(id), example on line \(example.line) has no ↓ marker")
            #expect(found == expected, "\(id), example on line \(example.line): findings at \(found), markers at \(expected)")
        }
    }

    @Test("non-triggering examples find nothing", arguments: ids)
    func nonTriggering(_ id: String) throws {
        let description = try #require(LintRegistry.description(id))
        for example in description.nonTriggering {
            #expect(example.stripped.positions.isEmpty, "\(id), example on line \(example.line) carries a ↓ marker")
            let (found, _) = try positions(of: id, in: example)
            #expect(found.isEmpty, "\(id), example on line \(example.line) triggers at \(found)")
        }
    }

    @Test func markerColumnsCountUnicodeScalars() {
        // libyaml counts columns in Unicode scalars: the emoji and the umlaut are one each.
        let example = LintExample("a: { label: \"Zürich 🚀\", zones: ↓[x] }")
        #expect(example.stripped.positions.map { "\($0.line):\($0.column)" } == ["1:32"])
    }
}

@Suite("Lint registry")
struct LintRegistryTests {
    @Test func idsAreUniqueKebabCaseAndSorted() {
        let ids = LintRegistry.descriptions.map(\.id)
        #expect(ids == ids.sorted(), "keep LintRegistry.all sorted by id")
        let allIDs = LintRegistry.allDescriptions.map(\.id)
        #expect(Set(allIDs).count == allIDs.count)
        for id in allIDs {
            #expect(id.range(of: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id) is not kebab-case")
        }
    }

    /// swift-format's rule collector, done with a regex: every `LintRule` conformance under
    /// Rules/ is registered, and each sits in a file named after it.
    @Test func everyRuleFileIsRegistered() throws {
        let directory = Fixtures.repositoryFile("Sources/TopographLint/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }
        var declared: Set<String> = []
        for file in files {
            let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let regex = try NSRegularExpression(pattern: #"(?m)^(?:public |internal )?(?:struct|enum|final class) (\w+)\s*:\s*LintRule\b"#)
            let names = regex.matches(in: source, range: NSRange(source.startIndex..., in: source)).compactMap {
                Range($0.range(at: 1), in: source).map { String(source[$0]) }
            }
            #expect(names.count == 1, "\(file) should declare exactly one LintRule, found \(names)")
            if let name = names.first {
                #expect(file == "\(name).swift", "\(name) lives in \(file)")
                declared.insert(name)
            }
        }
        let registered = Set(LintRegistry.all.map { String(describing: $0) })
        #expect(declared == registered, "add new rules to LintRegistry.all")
    }

    @Test func everyRuleIsDocumentedWithExamplesBothWays() {
        for description in LintRegistry.allDescriptions {
            #expect(!description.triggering.isEmpty, "\(description.id) has no triggering example")
            #expect(!description.nonTriggering.isEmpty, "\(description.id) has no non-triggering example")
            #expect(!description.summary.hasSuffix("."), "\(description.id): summary ends with a period")
            #expect(description.summary.first?.isUppercase == true, "\(description.id): summary starts lowercase")
            #expect(!description.rationale.isEmpty && !description.fix.isEmpty)
            #expect(description.references.allSatisfy { $0.hasPrefix("https://docs.aws.amazon.com/") }, "\(description.id): references point at AWS documentation")
        }
    }

    @Test func everyExampleLintsClean() throws {
        for url in Fixtures.examples {
            let topology = try TopologyLoader().load(path: url.path)
            let report = Linter().lint(topology)
            #expect(report.findings.isEmpty, "\(url.lastPathComponent): \(LintReporter.text(report))")
        }
    }
}
