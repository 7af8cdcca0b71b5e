import Foundation
import Testing

/// Issue 17's cases as a user would meet them: each must end in exit 2 with a clear,
/// positioned message, write nothing outside `-o`, and never reach git as an option.
@Suite("hostile input", .serialized)
struct HostileInputCLITests {
    @Test func standardInputIsCappedLikeFiles() throws {
        let big = String(repeating: "y\n", count: 9 * 1024 * 1024)
        let result = try CLI.run(["validate", "-"], stdin: big)
        #expect(result.status == 2)
        #expect(result.stderr.contains("<stdin>:1:1: error: standard input is larger than 16777216 bytes"))
    }

    @Test func gitRevisionsAndPathsCannotBeOptions() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("arch.yaml")
        try "topograph: 1\nname: shop\nresources:\n  web: { kind: ecs-service }\n".write(to: file, atomically: true, encoding: .utf8)
        let target = directory.appendingPathComponent("written-by-git")
        for spec in ["--output=\(target.path):x", "HEAD:--output=\(target.path)"] {
            let result = try CLI.run(["diff", "--", spec, "arch.yaml"], in: directory)
            #expect(result.status == 2, "\(spec)")
            #expect(result.stderr.contains("may not start with '-'"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: target.path))
        }
    }

    @Test func controlCharactersAreEscapedInEveryFormat() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("arch.yaml")
        try "topograph: 1\nname: shop\nresources:\n  web: { kind: \"ecs\\e[2J\\r\\n::error file=x::forged\" }\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let text = try CLI.run(["validate", "arch.yaml"], in: directory)
        #expect(text.status == 2)
        #expect(!text.stderr.contains("\u{1B}"))
        #expect(!text.stderr.contains("\r"))
        #expect(text.stderr.contains("ecs\\u{1B}[2J\\u{D}\\u{A}::error file=x::forged"))
        #expect(text.stderr.split(separator: "\n").allSatisfy { !$0.hasPrefix("::") })
        let json = try CLI.run(["lint", "arch.yaml", "--format", "json"], in: directory)
        #expect(json.status == 2)
        #expect(!(json.stdout + json.stderr).contains("\u{1B}"))
        #expect(!(json.stdout + json.stderr).contains("\\u001b"))
    }

    /// The 10,000-deep `in:` chain took 30 s to validate (a walk up the chain per
    /// resource); one memoized pass refuses it at level 65 (timed in the closing note, not here).
    @Test func aTenThousandDeepChainIsRefusedAtItsLimit() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var yaml = "topograph: 1\nname: chain\nresources:\n  c0: { kind: generic }\n"
        for index in 1..<10_000 { yaml += "  c\(index): { kind: generic, in: c\(index - 1) }\n" }
        try yaml.write(to: directory.appendingPathComponent("chain.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "chain.yaml"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("chain.yaml:69:29: error: 'c65' is nested 65 levels deep; containment is limited to 64 levels [containment-too-deep]"), "\(result.stderr)")
    }
}
