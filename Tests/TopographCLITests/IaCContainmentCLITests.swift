import Foundation
import Testing

/// Issue 28: what templates point at is read only inside the project, what a value says
/// never forges a CI log line or hides drift, and `-o`/`generate` lose nothing a person made.
@Suite("import containment and write safety", .serialized)
struct IaCContainmentCLITests {
    static let fixtures = HostileIaCCLITests.fixtures
    static let child = "Resources:\n  Secret:\n    Type: AWS::Lambda::Function\n    Properties: { FunctionName: outside-secret }\n"

    /// A project (a git work tree), with a folder beside it that is not part of it.
    func project() throws -> (root: URL, repo: URL, outside: URL) {
        let root = try CLI.temporaryDirectory()
        let repo = root.appendingPathComponent("repo")
        let outside = root.appendingPathComponent("outside")
        for folder in [repo.appendingPathComponent(".git"), repo.appendingPathComponent("stacks/app"), repo.appendingPathComponent("stacks/shared"), outside] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Self.child.write(to: outside.appendingPathComponent("child.yaml"), atomically: true, encoding: .utf8)
        try Self.child.write(to: repo.appendingPathComponent("stacks/shared/network.yaml"), atomically: true, encoding: .utf8)
        return (root, repo, outside)
    }

    func parent(_ url: String) -> String {
        "Resources:\n  Nested:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: \(url)\n"
    }

    @Test func nestedTemplatesOutsideTheProjectAreRefused() throws {
        let (root, repo, outside) = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let app = repo.appendingPathComponent("stacks/app")
        try FileManager.default.createSymbolicLink(at: app.appendingPathComponent("linked.yaml"), withDestinationURL: outside.appendingPathComponent("child.yaml"))
        for url in ["../../../outside/child.yaml", outside.appendingPathComponent("child.yaml").path, "linked.yaml"] {
            try parent(url).write(to: app.appendingPathComponent("main.yaml"), atomically: true, encoding: .utf8)
            let result = try BoundedRun.run(["import", "cloudformation", "stacks/app/main.yaml"], in: repo, seconds: 30)
            #expect(result.status == 2, "\(url): \(result.stderr)")
            #expect(result.stderr.contains("stacks/app/main.yaml:5:20: error: nested stack 'Nested': \(url) resolves outside the project"), "\(result.stderr)")
            #expect(result.stderr.contains("[outside-project]"))
            #expect(!result.stdout.contains("outside-secret"))
            let allowed = try BoundedRun.run(["import", "cloudformation", "stacks/app/main.yaml", "--allow-outside", outside.path], in: repo, seconds: 30)
            #expect(allowed.status == 0, "\(url): \(allowed.stderr)")
            #expect(allowed.stdout.contains("outside-secret"))
        }
        // A sibling folder of the same repository (`../shared/...`) is inside the project.
        try parent("../shared/network.yaml").write(to: app.appendingPathComponent("main.yaml"), atomically: true, encoding: .utf8)
        let shared = try BoundedRun.run(["import", "cloudformation", "stacks/app/main.yaml"], in: repo, seconds: 30)
        #expect(shared.status == 0, "\(shared.stderr)")
        #expect(shared.stdout.contains("outside-secret"))
    }

    @Test func assemblyEntriesStayInsideTheAssembly() throws {
        let (root, repo, outside) = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let assembly = repo.appendingPathComponent("cdk.out")
        try FileManager.default.createDirectory(at: assembly, withIntermediateDirectories: true)
        let manifest = #"{"artifacts": {"App": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "../../outside/child.yaml"}}}}"#
        try manifest.write(to: assembly.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let result = try BoundedRun.run(["import", "cloudformation", "cdk.out"], in: repo, seconds: 30)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("cdk.out/manifest.json:1:1: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("[outside-project]"))
        #expect(!result.stdout.contains("outside-secret"))
        _ = outside
    }

    @Test func templateValuesCannotForgeCILines() throws {
        for format in ["text", "github"] {
            let result = try BoundedRun.run(["drift", "orders.topology.yaml", "--against", "injection.yaml", "--format", format], in: Self.fixtures, seconds: 30)
            #expect(result.status == 1, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { !$0.hasPrefix("::error file=README.md") }, "\(format): \(result.stdout)")
            #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{7}"), "\(format)")
            #expect(result.stdout.contains("\\u{1B}[2J\\u{7}"), "\(format): \(result.stdout)")
        }
    }

    @Test func aLiteralAngleBracketValueIsComparedAsAValue() throws {
        let result = try BoundedRun.run(["drift", "orders.topology.yaml", "--against", "placeholder.yaml"], in: Self.fixtures, seconds: 30)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("orders.name: the topology says prod-orders, the template says <x>"), "\(result.stdout)")
    }

    @Test func outputNeverReplacesADeviceAFIFOOrASymlink() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("fifo.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let target = directory.appendingPathComponent("target.yaml")
        try "mine\n".write(to: target, atomically: true, encoding: .utf8)
        let link = directory.appendingPathComponent("link.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
        let template = Self.fixtures.appendingPathComponent("prod.yaml").path
        for (path, words) in [(fifo, "is a device, FIFO or socket"), (link, "is a symbolic link"), ("/dev/null", "is a device, FIFO or socket")] {
            let result = try BoundedRun.run(["import", "cloudformation", template, "-o", path, "--force"], in: directory, seconds: 30)
            #expect(result.status == 2, "\(path): \(result.stderr)")
            #expect(result.stderr.contains("\(path): \(words)"), "\(result.stderr)")
        }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(try String(contentsOf: target, encoding: .utf8) == "mine\n")
    }

    @Test func generateKeepsAReadmeThatMentionsThePhrase() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "topograph: 1\nname: shop\nresources:\n  web: { kind: ecs-service }\n".write(to: directory.appendingPathComponent("shop.yaml"), atomically: true, encoding: .utf8)
        let docs = directory.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let readme = "# Our docs\n\nEverything in this folder is generated by topograph; edit the topologies instead.\n"
        try readme.write(to: docs.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let result = try BoundedRun.run(["generate", "shop.yaml", "-o", "docs"], in: directory, seconds: 120)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: docs.appendingPathComponent("README.md"), encoding: .utf8) == readme)
        #expect(!result.stdout.contains("README.md"), "\(result.stdout)")
    }
}
