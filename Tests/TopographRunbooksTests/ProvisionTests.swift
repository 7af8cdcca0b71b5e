import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographRunbooks

@Suite("Runbooks of the messaging, event, key and storage kinds")
struct ProvisionTests {
    func runbook(_ resources: String) throws -> String {
        let yaml = "topograph: 1\nname: t\nregion: eu-west-2\nresources:\n" + resources
        let topology = try TopologyLoader().load(text: yaml, file: "t.yaml")
        return try RunbookSet(renderer: RunbookRenderer()).stageRunbook(topology.stages[0])
    }

    /// The lines of the block named `name`.
    func block(_ name: String, in text: String) -> [String] {
        guard let start = text.range(of: "{ name=\(name) }\n") ?? text.range(of: "{ name=\(name) excludeFromRunAll=true }\n"),
              let end = text.range(of: "\n```", range: start.upperBound..<text.endIndex) else { return [] }
        return text[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
    }

    @Test func theShortPatternBecomesEventBridgeJSON() {
        #expect(RunbookBuilder.eventPattern("source: [orders], detail-type: [OrderPlaced, \"OrderPaid\"]")
            == #"{"detail-type":["OrderPlaced","OrderPaid"],"source":["orders"]}"#)
        #expect(RunbookBuilder.eventPattern(#" {"source":["x"]} "#) == #"{"source":["x"]}"#)
    }

    @Test func aQueueIsFoundBeforeItIsCreatedAndItsDeadLetterQueueComesFirst() throws {
        let text = try runbook("""
              jobs: { kind: sqs, name: jobs, visibility_timeout: 120, dlq: jobs-dlq, max_receive_count: 4 }
              jobs-dlq: { kind: sqs, name: jobs-dlq }
            """)
        let dlq = try #require(text.range(of: "name=create-jobs-dlq"))
        let queue = try #require(text.range(of: "name=create-jobs }"))
        #expect(dlq.lowerBound < queue.lowerBound, "the dead-letter queue's ARN is needed by the queue's redrive policy")
        let lines = block("create-jobs", in: text)
        let find = try #require(lines.firstIndex { $0.hasPrefix("JOBS_URL=$(aws sqs list-queues --queue-name-prefix jobs ") })
        let create = try #require(lines.firstIndex { $0.contains("aws sqs create-queue --queue-name jobs ") })
        #expect(find < create)
        #expect(lines.contains { $0.contains(#"\"maxReceiveCount\":\"4\""#) && $0.contains(#""VisibilityTimeout":"120""#) })
        #expect(lines.contains(#"JOBS_ATTRIBUTES=${JOBS_ATTRIBUTES//@JOBS_DLQ_ARN@/"$JOBS_DLQ_ARN"}"#))
    }

    @Test func aSecretsValueComesFromAFileInABlockRunAllLeavesOut() throws {
        let text = try runbook("  db-secret: { kind: secrets-manager, name: shop/db }\n")
        #expect(block("create-db-secret", in: text).contains { $0.contains("aws secretsmanager create-secret --name shop/db ") })
        #expect(!block("create-db-secret", in: text).contains { $0.contains("--secret-string") })
        #expect(text.contains("{ name=put-secret-value-db-secret excludeFromRunAll=true }"))
        #expect(block("put-secret-value-db-secret", in: text).contains { $0.contains(#"--secret-string "file://$SECRET_FILE""#) })
    }

    @Test func whatTheRunbookCannotCreateIsFoundWithAGuard() throws {
        let text = try runbook("  flow: { kind: step-functions, name: checkout }\n  cdn: { kind: cloudfront }\n")
        let lines = block("found-resources", in: text)
        #expect(lines.contains { $0.hasPrefix("FLOW_FOUND=$(aws stepfunctions list-state-machines ") })
        #expect(lines.contains { $0.hasPrefix(#": "${FLOW_FOUND:?no Step Functions state machine named checkout in the account"#) })
        #expect(lines.contains { $0.contains("DistributionList.Items[?Comment==") })
        #expect(!text.contains("create-state-machine"))
    }

    @Test func anAlarmWithoutItsMetricIsFoundNotPut() throws {
        let described = try runbook("  high: { kind: cloudwatch-alarm, name: high, metric: CPUUtilization, metric_namespace: AWS/EC2, threshold: 70, comparison: GreaterThanThreshold }\n")
        #expect(described.contains("aws cloudwatch put-metric-alarm --alarm-name high --namespace AWS/EC2 --metric-name CPUUtilization"))
        let bare = try runbook("  high: { kind: cloudwatch-alarm, name: high }\n")
        #expect(!bare.contains("put-metric-alarm") && bare.contains("aws cloudwatch describe-alarms --alarm-names high"))
    }
}
