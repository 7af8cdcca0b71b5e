import Foundation
import Testing

/// Issue 28: every plain-text format escapes what a value says (one function,
/// `VisibleText.lines`), and two Terraform plans of the same configuration import side by side.
@Suite("text formats and repeated ids", .serialized)
struct IaCTextCLITests {
    @Test func diffTextEscapesNewlinesFromValues() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "topograph: 1\nname: shop\nresources:\n  web: { kind: ecs-service, notes: plain }\n"
            .write(to: directory.appendingPathComponent("old.yaml"), atomically: true, encoding: .utf8)
        try "topograph: 1\nname: shop\nresources:\n  web: { kind: ecs-service, notes: \"a\\n::error file=README.md::forged\\e[2J\" }\n"
            .write(to: directory.appendingPathComponent("new.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "text"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("web"), "\(result.stdout)")
        #expect(result.stdout.split(separator: "\n").allSatisfy { !$0.hasPrefix("::") }, "\(result.stdout)")
        #expect(!result.stdout.contains("\u{1B}"))
    }

    /// Two plans of one configuration (dev and prod) plan the same addresses: drift against
    /// both crashed on "Duplicate values for key"; the second plan's are keyed by its name.
    @Test func twoPlansOfOneConfigurationAreReadSideBySide() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = CLI.repositoryRoot.appendingPathComponent("Tests/Corpus/terraform/redis-multi-az-sessions.plan.json")
        for name in ["dev", "prod"] {
            try FileManager.default.copyItem(at: plan, to: directory.appendingPathComponent("\(name).plan.json"))
        }
        let topology = CLI.repositoryRoot.appendingPathComponent("Tests/Corpus/redis-multi-az-sessions.yaml").path
        let result = try CLI.run(["drift", topology, "--against", "dev.plan.json", "prod.plan.json"], in: directory)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("prod.plan.json plans resources at addresses another plan uses; they are imported as prod/"), "\(result.stderr)")
        #expect(result.stdout.contains("prod.plan.json:"), "\(result.stdout)")
    }
}
