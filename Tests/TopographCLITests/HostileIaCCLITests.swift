import Foundation
import Testing

/// Issue 28's hostile infrastructure as code, as a user (or a pull request in CI) would
/// bring it: each fixture in Tests/HostileIaC crashed, hung or exhausted memory before.
/// Every case must end in its documented exit status, promptly, with a positioned message.
@Suite("hostile infrastructure as code", .serialized)
struct HostileIaCCLITests {
    static let fixtures = CLI.repositoryRoot.appendingPathComponent("Tests/HostileIaC")

    /// Runs in the fixtures folder, killed after `seconds` (a hang fails the test, not CI).
    func run(_ arguments: [String], in directory: URL = fixtures, seconds: Double = 30) throws -> CLIResult {
        try BoundedRun.run(arguments, in: directory, seconds: seconds)
    }

    @Test func aFindInMapThatReachesItselfIsACycle() throws {
        let result = try run(["import", "cloudformation", "findinmap-self.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("findinmap-self.yaml:4:10: error: !FindInMap [Loop, A, B] reaches itself again"), "\(result.stderr)")
        #expect(result.stderr.contains("[reference-cycle]"))
    }

    @Test(arguments: [
        ("sub-doubling.yaml", "sub-doubling.yaml:6:", "value-too-large"),
        ("findinmap-doubling.yaml", "findinmap-doubling.yaml:13:10:", "value-too-large"),
        ("template-growth.yaml", "template-growth.yaml:", "template-too-large"),
        ("findinmap-deep.yaml", "findinmap-deep.yaml:", "functions-too-deep"),
    ])
    func growingTemplatesStopAtTheirLimit(file: String, position: String, code: String) throws {
        let result = try run(["import", "cloudformation", file])
        #expect(result.status == 2, "\(file): \(result.stderr)")
        #expect(result.stderr.hasPrefix(position), "\(result.stderr)")
        #expect(result.stderr.contains("[\(code)]"), "\(result.stderr)")
    }

    @Test(arguments: ["nested-self.yaml", "nested-self-4.yaml"])
    func aStackThatIncludesItselfIsRefused(file: String) throws {
        let result = try run(["import", "cloudformation", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file):6:20: error: nested stack 'Again"), "\(result.stderr)")
        #expect(result.stderr.contains("[nested-stack-cycle]"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aTerraformModuleCycleIsRefused() throws {
        let result = try run(["import", "terraform", "module-cycle.plan.json"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("module-cycle.plan.json:"), "\(result.stderr)")
        #expect(result.stderr.contains("[module-cycle]"), "\(result.stderr)")
    }

    @Test func templatesSharingLogicalIDsImportSideBySide() throws {
        let result = try run(["import", "cloudformation", "dev.yaml", "prod.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  orders: {kind: lambda"), "\(result.stdout)")
        #expect(result.stdout.contains("  prod-orders: {kind: lambda"), "\(result.stdout)")
        #expect(result.stderr.contains("prod.yaml:2:3: warning: stack prod uses 1 logical id (Orders) of dev; its resources are imported as prod/Orders"), "\(result.stderr)")
        #expect(result.stderr.contains("[duplicate-logical-id]"))
    }

    @Test func everyStackOfAMultiStackAssemblyIsImported() throws {
        let result = try run(["import", "cloudformation", "cdk.out"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("name: dev-orders"))
        #expect(result.stdout.contains("name: prod-orders"))
    }

    @Test func driftAgainstAnAssemblyFolder() throws {
        let result = try run(["drift", "orders.topology.yaml", "--against", "cdk.out"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("1 difference"), "\(result.stdout)")
        let docs = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: docs) }
        try "drift:\n  - topology: \(Self.fixtures.path)/orders.topology.yaml\n    against: [\(Self.fixtures.path)/cdk.out]\n"
            .write(to: docs.appendingPathComponent("topograph.yml"), atomically: true, encoding: .utf8)
        let check = try run(["check", Self.fixtures.appendingPathComponent("orders.topology.yaml").path, "-o", "docs"], in: docs, seconds: 120)
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stderr.contains("not-documented"), "\(check.stderr)")
    }

    @Test func aFIFOIsRefusedNotWaitedOn() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("template.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for arguments in [["drift", Self.fixtures.path + "/orders.topology.yaml", "--against", fifo], ["import", "cloudformation", fifo], ["import", "terraform", fifo]] {
            let result = try run(arguments, seconds: 20)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("\(fifo):1:1: error: \(fifo): not a regular file"), "\(result.stderr)")
        }
    }

    @Test func aFullStandardOutputIsAnErrorInEveryCommand() throws {
        let example = CLI.repositoryRoot.appendingPathComponent("Docs/examples/session-store.yaml").path
        let commands: [[String]] = [
            ["render", example, "-o", "-"], ["render", example, "--format", "dot", "-o", "-"], ["lint", example], ["validate", example, "--format", "json"],
            ["import", "cloudformation", "prod.yaml"], ["drift", "orders.topology.yaml", "--against", "cdk.out"],
            ["diff", example, example], ["runbook", example, "--stage", "V1", "-o", "-"], ["kinds"], ["schema"],
        ]
        for arguments in commands {
            let result = try BoundedRun.run(arguments, in: Self.fixtures, seconds: 120, standardOutput: "/dev/full")
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("standard output cannot be written"), "\(arguments): \(result.stderr)")
        }
    }
}

/// Runs the CLI with a deadline (killed past it, reported as status -1) and any standard output.
enum BoundedRun {
    static func run(_ arguments: [String], in directory: URL, seconds: Double, standardOutput: String? = nil) throws -> CLIResult {
        let scratch = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = standardOutput ?? scratch.appendingPathComponent("stdout").path
        let errURL = scratch.appendingPathComponent("stderr")
        guard standardOutput != nil || FileManager.default.createFile(atPath: outPath, contents: nil),
              FileManager.default.createFile(atPath: errURL.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: scratch.path])
        }
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = try #require(FileHandle(forWritingAtPath: outPath))
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        let hung = process.isRunning
        if hung { process.terminate() }
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = standardOutput == nil ? (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" : ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return CLIResult(status: hung ? -1 : process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
