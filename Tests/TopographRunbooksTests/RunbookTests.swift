import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographRunbooks
import TopographTestSupport

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
        for heading in ["## ECS", "## Redis", "## HTTP API", "## REST API", "## Load balancer", "## Load test", "## Autoscaling"] {
            #expect(!plain.contains(heading), "\(heading) in a runbook without its resources")
        }
        let v1 = try RunbookSet(renderer: RunbookRenderer()).stageRunbook(try Self.example().stage(named: "V1")!)
        #expect(v1.contains("## ECS Exec") && v1.contains("## Redis session checks") && v1.contains("## Autoscaling"))
        #expect(!v1.contains("## HTTP API") && !v1.contains("## REST API"))
    }

    @Test func realNamesFromTheTopology() throws {
        let v2 = try RunbookSet(renderer: RunbookRenderer()).stageRunbook(try Self.example().stage(named: "V2")!)
        #expect(v2.contains("aws ecs update-service --cluster session-store --service web --enable-execute-command --force-new-deployment"))
        #expect(v2.contains("--container auth --command /bin/sh --interactive"))
        #expect(v2.contains("--route-key 'ANY /auth/{proxy+}'"))
        #expect(v2.contains("--request-parameters '{\"overwrite:path\":\"/$request.path.proxy\"}'"))
        #expect(v2.contains("redis-cli --tls -h \"$REDIS_HOST\" -p 6379 --scan --pattern 'session:*'"))
        #expect(!v2.contains("KEYS *'") && !v2.contains("redis-cli keys"))
    }

    @Test func hostileNamesStayOneInertWord() throws {
        #expect(ShellQuote.word("web") == "web")
        #expect(ShellQuote.word("$(touch x)") == "'$(touch x)'")
        #expect(ShellQuote.word("a'b") == #"'a'\''b'"#)
        #expect(ShellQuote.word("") == "''")
        #expect(ShellWord("x;y").renderText == "'x;y'")
    }

    @Test func generatedNamesAreValidAndStable() {
        let long = "session-store-auth-internal-session-store-auth"
        let name = RunbookNames.valid(long, limit: 32)
        #expect(name.count <= 32 && !name.hasSuffix("-") && !name.hasPrefix("-"))
        #expect(name == RunbookNames.valid(long, limit: 32))
        #expect(name != RunbookNames.valid(long + "-2", limit: 32))
        #expect(RunbookNames.valid("short-name", limit: 32) == "short-name")
        #expect(AWSValueRules.targetGroupName.problem(name) == nil)
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

    @Test func albMetricsUseTheLoadBalancerNamespace() throws {
        let loaded = try TopologyLoader().load(path: Fixtures.repositoryFile("Tests/Corpus/fake-api-fargate.yaml").path, displayPath: "fake-api-fargate.yaml")
        let text = try RunbookSet(renderer: RunbookRenderer()).stageRunbook(loaded.stages[0])
        #expect(text.contains("--namespace AWS/ApplicationELB --metric-name TargetResponseTime --dimensions Name=LoadBalancer"))
        #expect(!text.contains("--namespace AWS/ECS --metric-name TargetResponseTime"))
    }

    @Test func migrationCreatesInDependencyOrder() throws {
        let topology = try Self.example()
        let context = MigrationBuilder().context(from: topology.stage(named: "V2")!, to: topology.stage(named: "V3")!)
        // The endpoint and the load balancers exist before the link; the link before the API.
        #expect(context.createdList.map(\.value) == ["execute-api-endpoint", "internal-alb", "nlb", "rest-link", "rest-api"])
        let text = try RunbookSet(renderer: RunbookRenderer()).migrationRunbook(from: topology.stage(named: "V2")!, to: topology.stage(named: "V3")!)
        #expect(text.contains("aws apigateway create-vpc-link"))
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

    @Test func everyTemplateFileIsRegistered() throws {
        let folder = Fixtures.repositoryFile("templates/runbook")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(Set(names.map { String($0.dropLast(".mustache".count)) }) == Set(RunbookTemplates.all.keys))
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(RunbookTemplates.texts[String(name.dropLast(".mustache".count))] == text)
        }
    }
}

@Suite("Runbook service checks")
struct ServiceCheckRunbookTests {
    static let yaml = """
        topograph: 1
        name: t
        region: eu-west-1
        resources:
          vpc: { kind: vpc }
          private-a: { kind: subnet, in: vpc, access: private, az: eu-west-1a }
          private-b: { kind: subnet, in: vpc, access: private, az: eu-west-1b }
          orders: { kind: sqs, dlq: orders-dlq }
          orders-dlq: { kind: sqs, name: orders-dead-letters }
          events: { kind: sns }
          bus: { kind: eventbridge-bus, name: shop }
          placed: { kind: eventbridge-rule, bus: bus, pattern: "source: [orders], detail-type: [OrderPlaced]" }
          flow: { kind: step-functions }
          fast: { kind: step-functions, type: EXPRESS, logging: ERROR }
          eks: { kind: eks-cluster, in: vpc, subnets: [private-a, private-b] }
          nodes: { kind: eks-nodegroup, in: eks, name: general }
          files: { kind: efs, subnets: [private-a, private-b] }
          alarm: { kind: cloudwatch-alarm, name: dlq-not-empty }
          worker: { kind: lambda }
        connections:
          - orders -> worker
          - events -> worker
        """

    @Test func eachKindGetsItsChecks() throws {
        let topology = try TopologyLoader().load(text: Self.yaml, file: "t.yaml")
        let text = try RunbookSet(renderer: RunbookRenderer()).stageRunbook(topology.stages[0])
        #expect(text.contains("## Queues, topics, events, workflows, clusters and alarms"))
        #expect(text.contains("aws sqs get-queue-url --queue-name orders --query QueueUrl"))
        #expect(text.contains("aws sqs get-queue-url --queue-name orders-dead-letters"))
        #expect(text.contains("aws sqs start-message-move-task --source-arn \"$ORDERS_DLQ_ARN\""))
        // The dead-letter queue is checked with its queue, not as a queue of its own.
        #expect(!text.contains("### Queue orders-dlq"))
        #expect(text.contains("Subscriptions (1 drawn)"))
        #expect(text.contains("aws events list-targets-by-rule --rule placed --event-bus-name shop"))
        #expect(text.contains(#"aws events put-events --entries '[{"Detail":"{\"runbookCheck\":true}","DetailType":"OrderPlaced","EventBusName":"shop","Source":"orders"}]'"#))
        #expect(text.contains("aws stepfunctions get-execution-history --execution-arn \"$FLOW_EXECUTION\""))
        #expect(text.contains("aws stepfunctions start-sync-execution --state-machine-arn \"$FAST_ARN\""))
        #expect(text.contains("aws eks update-kubeconfig --name eks --region eu-west-1"))
        #expect(text.contains("aws eks describe-nodegroup --cluster-name eks --nodegroup-name general"))
        #expect(text.contains("kubectl wait --for=condition=Ready nodes --all"))
        #expect(text.contains("One mount target per zone its clients run in (eu-west-1a, eu-west-1b)"))
        #expect(text.contains("aws cloudwatch describe-alarms --alarm-names dlq-not-empty"))
    }

    @Test func aStageWithoutTheseKindsHasNoSuchSection() throws {
        let topology = try TopologyLoader().load(text: "topograph: 1\nname: t\nresources:\n  users: { kind: user }\n", file: "t.yaml")
        let text = try RunbookSet(renderer: RunbookRenderer()).stageRunbook(topology.stages[0])
        #expect(!text.contains("Queues, topics"))
    }
}
