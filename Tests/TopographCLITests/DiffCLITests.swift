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
        #expect(changed.stdout.contains("| changed | `web` | "))
        #expect(changed.stdout.contains(" | `desired`: `2` → `4` |"))
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
        #expect(object?["version"] as? Int == 2)
        #expect(object?["changed"] as? Bool == true)
        let bad = try CLI.run(["diff", "Docs/examples/session-store.yaml", "--stages", "V1..V9"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("no stage named 'V9'"))
    }

    @Test func emptySideDocsClassAndSVGExitCodes() throws {
        let pairs = CLI.repositoryRoot.appendingPathComponent("Tests/DiffPairs")
        let added = try CLI.run(["diff", "/dev/null", pairs.appendingPathComponent("empty-old/new.yaml").path, "--exit-code"])
        #expect(added.status == 1, "\(added.stderr)")
        #expect(added.stdout.contains("resources: 2 added"))
        let removed = try CLI.run(["diff", pairs.appendingPathComponent("empty-new/old.yaml").path, "/dev/null", "--format", "json"])
        #expect(removed.status == 0)
        #expect(removed.stdout.contains("\"new\" : \"/dev/null\""))

        let docs = ["diff", pairs.appendingPathComponent("docs-only/old.yaml").path, pairs.appendingPathComponent("docs-only/new.yaml").path, "--exit-code"]
        let withDocs = try CLI.run(docs)
        #expect(withDocs.status == 1)
        #expect(withDocs.stdout.contains("docs: 3 changes"))
        let ignored = try CLI.run(docs + ["--ignore", "docs"])
        #expect(ignored.status == 0, "\(ignored.stdout)")
        #expect(ignored.stdout.contains("No architecture changes."))

        let region = try CLI.run(["diff", pairs.appendingPathComponent("region-change/old.yaml").path, pairs.appendingPathComponent("region-change/new.yaml").path, "--exit-code"])
        #expect(region.status == 1, "a region change is a change")

        let same = pairs.appendingPathComponent("stages-base-change/old.yaml").path
        let svg = try CLI.run(["diff", same, same, "--format", "svg", "--exit-code"])
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.contains("<svg"))
    }

    @Test func topLevelHelpSaysWhenADiffExitsOne() throws {
        let help = try CLI.run(["--help"])
        #expect(help.stdout.contains("--exit-code"))
        #expect(!help.stdout.contains("1 findings (lint findings, a non-empty diff"))
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
