import Foundation
import Testing

@Suite("topograph diff", .serialized)
struct DiffCLITests {
    func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"],
            uniquingKeysWith: { $1 })
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }

    @Test func readsGitRefsAndSetsTheExitCode() throws {
        let repository = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: repository) }
        let file = repository.appendingPathComponent("arch.yaml")
        try "topograph: 1\nname: shop\nresources:\n  web: { kind: ecs-service, desired: 2 }\n".write(to: file, atomically: true, encoding: .utf8)
        try git(["init", "-q", "-b", "main"], in: repository)
        try git(["add", "arch.yaml"], in: repository)
        try git(["commit", "-q", "-m", "first"], in: repository)

        let same = try CLI.run(["diff", "HEAD:arch.yaml", "arch.yaml", "--exit-code"], in: repository)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("No architecture changes."))

        try "topograph: 1\nname: shop\nresources:\n  web: { kind: ecs-service, desired: 4 }\n".write(to: file, atomically: true, encoding: .utf8)
        let changed = try CLI.run(["diff", "HEAD:arch.yaml", "arch.yaml", "--exit-code", "--format", "markdown"], in: repository)
        #expect(changed.status == 1)
        #expect(changed.stdout.hasPrefix("<!-- topograph-diff -->"))
        #expect(changed.stdout.contains("| changed | `web` | ecs-service | `desired`: 2 → 4 |"))
        #expect(changed.stdout.contains("```mermaid"))

        let withoutFlag = try CLI.run(["diff", "HEAD:arch.yaml", "arch.yaml"], in: repository)
        #expect(withoutFlag.status == 0)

        let badRef = try CLI.run(["diff", "nope:arch.yaml", "arch.yaml", "--exit-code"], in: repository)
        #expect(badRef.status == 2)
        #expect(badRef.stderr.contains("git show failed"))
    }

    @Test func stagesOfOneFile() throws {
        let result = try CLI.run(["diff", "Docs/examples/session-store.yaml", "--stages", "V1..V2", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["version"] as? Int == 1)
        #expect(object?["changed"] as? Bool == true)
        let bad = try CLI.run(["diff", "Docs/examples/session-store.yaml", "--stages", "V1..V9"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("no stage named 'V9'"))
    }

    @Test func usageErrors() throws {
        let result = try CLI.run(["diff", "Docs/examples/session-store.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("give OLD and NEW"))
    }
}

@Suite("Docs examples stay current")
struct DocsExampleTests {
    /// Docs/diff.md shows the example's V1 -> V2 diff as the tool prints it today.
    @Test func diffDocumentShowsCurrentOutput() throws {
        let document = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("Docs/diff.md"), encoding: .utf8)
        for format in ["markdown", "text"] {
            let result = try CLI.run(["diff", "Docs/examples/session-store.yaml", "--stages", "V1..V2", "--format", format])
            #expect(document.contains(result.stdout), "Docs/diff.md lacks the current \(format) output of the example's V1..V2 diff")
        }
    }
}
