import Foundation
import Testing
import TopographModel
import TopographTestSupport

/// Code names a kind through its `KindID` constant (`.alb`), which the compiler checks, never
/// through a string ("alb"), which a renamed or misspelt kind leaves silently wrong. `KindID`
/// takes no string literal, so the compiler refuses `kind == "alb"`; what it cannot see is a
/// kind spelt out through `KindID("alb")` or compared as text (`kind.rawValue == "alb"`), which
/// this walk finds. The catalog (Sources/TopographModel/Catalog) is where the ids are written.
struct KindLiteralTests {
    static func spelledKinds(in text: String, path: String, kinds: Set<String>) -> [String] {
        let forms = [#"KindID\((?:rawValue: )?"([^"]*)""#, #"rawValue\s*(?:==|!=)\s*"([^"]*)""#, #""([^"]*)"\s*(?:==|!=)\s*[A-Za-z.?]*kind\.rawValue"#]
        let expressions = forms.compactMap { try? NSRegularExpression(pattern: $0) }
        var found: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = String(line)
            guard !code.trimmingCharacters(in: .whitespaces).hasPrefix("//") else { continue }
            for expression in expressions {
                for match in expression.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                    guard let range = Range(match.range(at: 1), in: code), kinds.contains(String(code[range])) else { continue }
                    found.append("\(path):\(number + 1): \(code.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        return found
    }

    @Test func sourcesNameKindsByConstant() throws {
        let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        let kinds = Set(KindCatalog.ids)
        var found: [String] = []
        var walked = 0
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift"), !relative.hasPrefix("TopographModel/Catalog/") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            found += Self.spelledKinds(in: text, path: relative, kinds: kinds)
            walked += 1
        }
        #expect(walked > 100)
        #expect(found.isEmpty, "name these kinds by their KindID constant (`.alb`):\n\(found.joined(separator: "\n"))")
    }

    @Test func theWalkerFindsEachForm() {
        let kinds: Set<String> = ["alb", "sqs"]
        let text = """
            let a = KindID("alb")
            if kind.rawValue == "sqs" { }
            if "alb" != resource.kind.rawValue { }
            // KindID("alb") in a comment
            let fine = KindID(text)
            let other = KindID("albx")
            """
        let found = Self.spelledKinds(in: text, path: "X.swift", kinds: kinds)
        #expect(found.map { $0.split(separator: ":").prefix(2).joined(separator: ":") } == ["X.swift:1", "X.swift:2", "X.swift:3"])
    }
}
