import Foundation
import Testing
@testable import TopographImport

/// A stand-in for a Python-script `aws` (Debian's v2, PyPI's v1): the script itself answers
/// one call per process, and a fake `awscli.clidriver` module (found through PYTHONPATH,
/// as the real one is through the interpreter's site-packages) answers the calls a host
/// serves. Both answer the call's service, operation and the process id that answered.
private struct PythonCLI {
    let directory: URL
    var path: String { directory.appendingPathComponent("aws").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("topograph-python-aws-\(UUID().uuidString)")
        let package = directory.appendingPathComponent("modules/awscli")
        let broken = directory.appendingPathComponent("broken/awscli")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try "".write(to: broken.appendingPathComponent("__init__.py"), atomically: true, encoding: .utf8)
        try "raise ImportError('no CLI module here')\n".write(to: broken.appendingPathComponent("clidriver.py"), atomically: true, encoding: .utf8)
        let answer = """
            import json, os, sys
            def answer(args):
                if args[:2] == ["ecs", "list-clusters"]:
                    sys.stderr.write("An error occurred (AccessDeniedException) when calling the ListClusters operation: "
                                     "User: u is not authorized to perform: ecs:ListClusters on resource: *\\n")
                    return 254
                print("stray line for the real standard output", file=sys.__stdout__, flush=True)
                print(json.dumps({"call": args[:2], "pid": os.getpid()}))
                return 0

            """
        try "".write(to: package.appendingPathComponent("__init__.py"), atomically: true, encoding: .utf8)
        try (answer + """
            class Driver:
                def main(self, args):
                    return answer(args)
            def create_clidriver():
                return Driver()
            """).write(to: package.appendingPathComponent("clidriver.py"), atomically: true, encoding: .utf8)
        try ("#!/usr/bin/env python3\n" + answer.replacingOccurrences(of: "print(\"stray", with: "0 and print(\"stray") + "sys.exit(answer(sys.argv[1:]))\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    /// With `module`, the host finds the fake CLI module; without, one that fails to load.
    func cli(module: Bool = true, processPerCall: Bool = false) throws -> AWSCommandLine {
        var options = AWSCommandLine.Options(region: "us-east-1", executable: path)
        options.processPerCall = processPerCall
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = directory.appendingPathComponent(module ? "modules" : "broken").path
        return try AWSCommandLine(options, environment: environment)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("AWS CLI hosts")
struct AWSCLIHostTests {
    static let calls = (0..<12).map { AWSCall("ec2", "describe-vpcs", ["--filters", "Name=tag:n,Values=\($0)"]) }

    static func pids(_ answers: [Result<AWSJSON, AWSCallFailure>]) throws -> Set<Int> {
        Set(try answers.map { answer in
            let json = try answer.get()
            #expect(json["call"].strings == ["ec2", "describe-vpcs"])
            return json["pid"].int ?? -1
        })
    }

    @Test("a Python-script CLI serves many calls from a few processes, answers intact")
    func hosted() throws {
        let fake = try PythonCLI()
        defer { fake.remove() }
        let cli = try fake.cli()
        let answers = cli.run(Self.calls)
        let pids = try Self.pids(answers)
        #expect(pids.count <= 4, "at most four hosts serve the calls")
        #expect(cli.processes == pids.count)
        // Failures keep their classification: the host passes the exit status and stderr on.
        guard case .failure(.denied(let action, _)) = cli.answer(AWSCall("ecs", "list-clusters")) else {
            Issue.record("a denied call through a host must be denied")
            return
        }
        #expect(action == "ecs:ListClusters")
    }

    @Test("without a loadable CLI module, or when asked, every call is its own process")
    func processPerCall() throws {
        let fake = try PythonCLI()
        defer { fake.remove() }
        for cli in [try fake.cli(module: false), try fake.cli(processPerCall: true)] {
            let pids = try Self.pids(cli.run(Self.calls))
            #expect(pids.count == Self.calls.count)
            #expect(cli.processes == Self.calls.count)
        }
    }

    @Test("only Python scripts are hosted")
    func interpreters() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("topograph-shebang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func interpreter(_ head: String) throws -> [String]? {
            let file = directory.appendingPathComponent(UUID().uuidString)
            try head.write(to: file, atomically: true, encoding: .utf8)
            return AWSCLIHostPool.pythonInterpreter(of: file.path)
        }
        #expect(try interpreter("#!/usr/bin/python3\nimport sys\n") == ["/usr/bin/python3"])
        #expect(try interpreter("#!/usr/bin/env python3\n") == ["/usr/bin/env", "python3"])
        #expect(try interpreter("#!/opt/venv/bin/python3.11 -s\n") == ["/opt/venv/bin/python3.11", "-s"])
        #expect(try interpreter("#!/bin/sh\nexec python3 aws.py\n") == nil)
        #expect(try interpreter("\u{7F}ELF binary") == nil)
        #expect(AWSCLIHostPool.pythonInterpreter(of: directory.appendingPathComponent("missing").path) == nil)
    }
}
