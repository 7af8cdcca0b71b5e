import Foundation
import Testing

/// Walks Sources for what turns bad input into a crash (exit 132/139 instead of exit 2):
/// `try!` and `fatalError` anywhere, Foundation's trapping reads and writes
/// (`readData(ofLength:)` traps on a folder, `FileHandle.write(_:)` on a full disk), and,
/// in the layers that read input (TopographInput, TopographImport), force unwraps and
/// `Dictionary(uniqueKeysWithValues:)` (two templates sharing a logical id crashed on it).
@Suite("source safety")
struct SourceSafetyTests {
    struct Rule {
        var name: String
        var pattern: String
        var inputLayersOnly = false
    }

    static let rules = [
        Rule(name: "try!", pattern: #"\btry!"#),
        Rule(name: "fatalError", pattern: #"\bfatalError\("#),
        Rule(name: "trapping read", pattern: #"\.readData\(ofLength|\.readDataToEndOfFile\(\)"#),
        Rule(name: "trapping write", pattern: #"(FileHandle\.standard(Output|Error)|\bhandle)\.write\((?!contentsOf:)"#),
        Rule(name: "force unwrap", pattern: #"[\w\)\]]!(?=[\.\[\)\s,;:]|$)"#, inputLayersOnly: true),
        Rule(name: "uniqueKeysWithValues", pattern: #"uniqueKeysWithValues"#, inputLayersOnly: true),
    ]
    static let inputLayers = ["Sources/TopographInput/", "Sources/TopographImport/"]

    /// The code of a line: comments and string literals blanked (a `!` in a message is text).
    static func code(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("//") { return "" }
        var text = line
        if let regex = try? NSRegularExpression(pattern: ##"#?"(?:[^"\\]|\\.)*"#?"##) {
            text = regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "\"\"")
        }
        if let comment = text.range(of: "//") { text = String(text[..<comment.lowerBound]) }
        return text
    }

    static func violations(in files: [(path: String, text: String)]) -> [String] {
        var found: [String] = []
        for file in files {
            for (number, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = code(String(line))
                for rule in rules where !rule.inputLayersOnly || inputLayers.contains(where: file.path.hasPrefix) {
                    if code.range(of: rule.pattern, options: .regularExpression) != nil {
                        found.append("\(file.path):\(number + 1): \(rule.name): \(line.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        return found
    }

    @Test func noTrapsOnInputPaths() throws {
        let root = CLI.repositoryRoot
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.appendingPathComponent("Sources").path))
        var files: [(String, String)] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let path = "Sources/" + relative
            files.append((path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)))
        }
        #expect(files.count > 100)
        let found = Self.violations(in: files)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The walker itself finds what it is for.
    @Test func theWalkerFindsEachKind() {
        let planted = [
            ("Sources/TopographDiagram/A.swift", "let x = try! f()\nfatalError(\"no\")\nlet d = handle.readData(ofLength: 4)\nFileHandle.standardOutput.write(data)"),
            ("Sources/TopographImport/B.swift", "let r = byKey[key]!\nlet d = Dictionary(uniqueKeysWithValues: pairs)"),
            ("Sources/TopographDiagram/C.swift", "let ok = a != b\nlet s = \"fine!\" // not! here\nlet r = byKey[key]!"),
        ]
        let found = Self.violations(in: planted)
        #expect(found.count == 6, "\(found)")
        #expect(!found.contains { $0.hasPrefix("Sources/TopographDiagram/C.swift") })
    }
}
