import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiagram
@testable import TopographLint
@testable import TopographDiff
@testable import TopographRunbooks
@testable import TopographDocs

@Suite("Runbooks")
struct RunbookTests {
    static func example() throws -> LoadedTopology {
        try TopologyLoader().load(path: Fixtures.repositoryFile("Docs/examples/session-store.yaml").path, displayPath: "Docs/examples/session-store.yaml")
    }

    @Test("every runbook of the example matches its golden")
    func goldens() throws {
        let files = try RunbookSet(renderer: RunbookRenderer()).files(for: try Self.example().stages)
        #expect(files.map(\.path) == [
            "session-store-V1-runbook.md", "session-store-V2-runbook.md", "session-store-V3-runbook.md",
            "session-store-V1-to-V2-migration.md", "session-store-V2-to-V3-migration.md",
        ])
        for file in files {
            assertGolden(String(decoding: file.data, as: UTF8.self), Fixtures.url("golden/runbooks/\(file.path)"))
        }
    }

    func runbook(_ yaml: String) throws -> String {
        let topology = try TopologyLoader().load(text: yaml, file: "t.yaml")
        return try RunbookSet(renderer: RunbookRenderer()).stageRunbook(topology.stages[0])
    }

    @Test func sectionsAppearOnlyForWhatTheStageHas() throws {
        let plain = try runbook("topograph: 1\nname: t\nregion: eu-west-2\nresources:\n  users: { kind: user }\n")
        #expect(plain.contains("## Prerequisites"))
        #expect(plain.contains("export AWS_REGION=eu-west-2"))
        for heading in ["## ECS Exec", "## Redis", "## HTTP API", "## REST API", "## Load balancer", "## Load test", "## Autoscaling"] {
            #expect(!plain.contains(heading), "\(heading) in a runbook without its resources")
        }
        let v1 = try RunbookSet(renderer: RunbookRenderer()).stageRunbook(try Self.example().stage(named: "V1")!)
        #expect(v1.contains("## ECS Exec") && v1.contains("## Redis session checks") && v1.contains("## Autoscaling"))
        #expect(!v1.contains("## HTTP API") && !v1.contains("## REST API"))
    }

    @Test func realNamesFromTheTopology() throws {
        let v2 = try RunbookSet(renderer: RunbookRenderer()).stageRunbook(try Self.example().stage(named: "V2")!)
        #expect(v2.contains("aws ecs update-service --cluster session-store --service web --enable-execute-command --force-new-deployment"))
        #expect(v2.contains("--container auth --command \"/bin/sh\" --interactive"))
        #expect(v2.contains("--route-key 'ANY /auth/{proxy+}'"))
        #expect(v2.contains("--request-parameters '{\"overwrite:path\":\"/$request.path.proxy\"}'"))
        #expect(v2.contains("redis-cli --tls -h \"$REDIS_HOST\" -p 6379 --scan --pattern 'session:*'"))
        #expect(!v2.contains("KEYS *'") && !v2.contains("redis-cli keys"))
    }

    @Test func tlsOnlyWhenDeclared() throws {
        let text = try runbook("""
            topograph: 1
            name: t
            resources:
              web: { kind: ecs-service }
              sessions: { kind: elasticache-redis, role: session-store, key_pattern: "sess:*" }
            connections:
              - web -> sessions
            """)
        #expect(text.contains("redis-cli -h \"$REDIS_HOST\" -p 6379 --scan --pattern 'sess:*'"))
        #expect(!text.contains("--tls"))
    }

    @Test func resourcePolicyIsValidJSON() throws {
        let policy = RunbookBuilder.resourcePolicy(region: "us-east-1", account: "<aws_account_id>")
        let object = try JSONSerialization.jsonObject(with: Data(policy.utf8)) as? [String: Any]
        let statements = try #require(object?["Statement"] as? [[String: Any]])
        #expect(statements.count == 2)
        #expect((statements[0]["Resource"] as? String) == "arn:aws:execute-api:us-east-1:<aws_account_id>:<REST_API_ID>/*")
    }

    @Test func migrationCreatesInDependencyOrder() throws {
        let topology = try Self.example()
        let text = try RunbookSet(renderer: RunbookRenderer()).migrationRunbook(from: topology.stage(named: "V2")!, to: topology.stage(named: "V3")!)
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### ") }.map(String.init)
        let ids = headings.compactMap { heading in heading.split(separator: "`").dropFirst().first.map(String.init) }
        // The endpoint and the load balancers exist before the link; the link before the API.
        #expect(ids == ["execute-api-endpoint", "internal-alb", "nlb", "rest-link", "rest-api"])
        #expect(text.contains("Check:"))
    }

    @Test func keepBlocksSurviveRegeneration() throws {
        let stage = try Self.example().stage(named: "V1")!
        let set = RunbookSet(renderer: try RunbookRenderer())
        let first = try set.stageRunbook(stage)
        let edited = first.replacingOccurrences(
            of: "<!-- topograph:keep ecs-exec-web -->\n",
            with: "<!-- topograph:keep ecs-exec-web -->\nOn-call: the web image has no curl; use wget.\n")
        let regenerated = try set.stageRunbook(stage, existing: edited)
        #expect(regenerated.contains("<!-- topograph:keep ecs-exec-web -->\nOn-call: the web image has no curl; use wget.\n<!-- /topograph:keep -->"))
        #expect(try set.stageRunbook(stage, existing: regenerated) == regenerated)
    }

    @Test func notesOfARemovedSectionAreNotLost() {
        let existing = "x\n<!-- topograph:keep redis-old -->\nremember the failover drill\n<!-- /topograph:keep -->\n"
        let merged = KeepBlocks.merge(generated: "y\n", existing: existing)
        #expect(merged.contains("remember the failover drill"))
        #expect(merged.contains("Kept notes whose section is gone"))
    }

    @Test func templatesCanBeOverriddenByName() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "## Before you start\n\nCall the on-call lead on {{region}} & page <team>.\n".write(
            to: directory.appendingPathComponent("prerequisites.mustache"), atomically: true, encoding: .utf8)
        let renderer = try RunbookRenderer(overrides: directory.path)
        let text = try RunbookSet(renderer: renderer).stageRunbook(try Self.example().stage(named: "V1")!)
        #expect(text.contains("Call the on-call lead on us-east-1 & page <team>."))
        #expect(!text.contains("## Prerequisites"))
        #expect(text.contains("## ECS Exec"))

        try "x".write(to: directory.appendingPathComponent("prerequisits.mustache"), atomically: true, encoding: .utf8)
        let error = #expect(throws: RunbookRenderer.TemplateError.self) { try RunbookRenderer(overrides: directory.path) }
        #expect(error?.description.contains("did you mean 'prerequisites'?") == true)
    }

    @Test func embeddedTemplatesMatchTheTemplatesFolder() throws {
        let folder = Fixtures.repositoryFile("templates/runbook")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(Set(names.map { String($0.dropLast(".mustache".count)) }) == Set(BundledTemplates.all.keys))
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(
                BundledTemplates.all[String(name.dropLast(".mustache".count))] == text,
                "templates/runbook/\(name) differs from the embedded copy: run scripts/embed-templates.py")
        }
    }
}
