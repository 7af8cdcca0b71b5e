import Foundation
import Testing

@Suite("topograph import and drift")
struct ImportCLITests {
    static let template = "Tests/Corpus/cloudformation/session-store.yaml"
    static let planted = "Tests/Corpus/cloudformation/planted/session-store.yaml"
    static let topology = "Docs/examples/session-store.yaml"

    @Test func importWritesAValidTopologyAndSummarisesPerType() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("imported.yaml").path
        let result = try CLI.run(["import", "cloudformation", Self.template, "--region", "us-east-1", "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("AWS::IAM::Role x2: skipped: permissions, not traffic"))
        #expect(result.stderr.contains("AWS::EC2::SecurityGroup x8: folded"))
        #expect(try CLI.run(["validate", output]).status == 0)
        // Importing again over its own output is fine; over a file a person wrote it is not.
        #expect(try CLI.run(["import", "cloudformation", Self.template, "-o", output, "--quiet"]).status == 0)
        let mine = directory.appendingPathComponent("mine.yaml").path
        try "topograph: 1\nname: mine\nresources: {}\n".write(toFile: mine, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["import", "cloudformation", Self.template, "-o", mine, "--quiet"])
        #expect(refused.status == 2 && refused.stderr.contains("refusing to overwrite"))
        #expect(try String(contentsOfFile: mine, encoding: .utf8) == "topograph: 1\nname: mine\nresources: {}\n")
    }

    @Test func idsFromReportsWhatWasRecovered() throws {
        let result = try CLI.run(["import", "cloudformation", Self.template, "--ids-from", Self.topology, "--quiet"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("compared with Docs/examples/session-store.yaml (stage V3): resources 27/27"))
        #expect(result.stdout.contains("\n  web:\n") && result.stdout.contains("\n  sessions:"))
    }

    @Test func badTemplatesExit2WithPositions() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.yaml").path
        try "Resources:\n  Vpc: [unclosed\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", "cloudformation", broken])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.yaml:3:1: error:") || result.stderr.contains("broken.yaml:2:"))
        #expect(try CLI.run(["import", "cloudformation", directory.appendingPathComponent("missing.yaml").path]).status == 2)
        #expect(try CLI.run(["import", "terraform", Self.template]).status == 2)
        #expect(try CLI.run(["drift", Self.topology]).status == 2)
    }

    @Test func driftExitCodes() throws {
        let clean = try CLI.run(["drift", Self.topology, "--against", Self.template])
        #expect(clean.status == 0 && clean.stdout.hasPrefix("no drift"), "\(clean.stdout)")
        let drifted = try CLI.run(["drift", Self.topology, "--against", Self.planted])
        #expect(drifted.status == 1)
        for subject in ["sessions:", "ReportsService", "api.authorizer", "nlb.cross_zone", "execute-api-endpoint"] {
            #expect(drifted.stdout.contains(subject), "\(subject)")
        }
        let github = try CLI.run(["drift", Self.topology, "--against", Self.planted, "--format", "github"])
        #expect(github.status == 1 && github.stdout.contains("::error file=Docs/examples/session-store.yaml,line="))
        let v1 = try CLI.run(["drift", Self.topology, "--against", Self.template, "--stage", "V1"])
        #expect(v1.status == 1 && v1.stdout.contains("not-documented"))
        #expect(try CLI.run(["drift", Self.topology, "--against", Self.template, "--stage", "V9"]).status == 2)
    }

    /// `drift:` in topograph.yml makes `generate` and `check` fail when the docs drift.
    @Test func docsConfigDriftEntries() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = CLI.repositoryRoot.path
        func config(_ template: String) throws {
            try """
                inputs: [\(root)/\(Self.topology)]
                output: docs
                outputs: [mermaid]
                drift:
                  - topology: \(root)/\(Self.topology)
                    against: [\(root)/\(template)]
                """.write(to: directory.appendingPathComponent("topograph.yml"), atomically: true, encoding: .utf8)
        }
        try config(Self.template)
        let generated = try CLI.run(["generate", "--quiet"], in: directory)
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(try CLI.run(["check", "--quiet"], in: directory).status == 0)
        try config(Self.planted)
        let drifted = try CLI.run(["check", "--quiet"], in: directory)
        #expect(drifted.status == 1)
        #expect(drifted.stderr.contains("nlb.cross_zone") && drifted.stderr.contains("drifted from its templates"))
        let typo = directory.appendingPathComponent("topograph.yml")
        try "inputs: [x.yaml]\ndrift:\n  - topology: x.yaml\n    agianst: [y.yaml]\n".write(to: typo, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["check"], in: directory)
        #expect(refused.status == 2 && refused.stderr.contains("did you mean"))
    }
}
