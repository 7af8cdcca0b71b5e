import Foundation
import Testing
import TopographTestSupport
@testable import TopographImport

/// A stand-in `aws`: a shell script in a scratch directory, so the client's handling of the
/// CLI's exit codes, standard error and page tokens is tested without an account.
struct FakeCLI {
    let directory: URL
    var path: String { directory.appendingPathComponent("aws").path }

    init(_ script: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("topograph-fake-aws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try ("#!/bin/sh\nDIR='\(directory.path)'\n" + script).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    /// An account: `aws SERVICE OPERATION` answers `answers["SERVICE_OPERATION"]`, else `{}`.
    static func account(_ answers: [String: String]) throws -> FakeCLI {
        let fake = try FakeCLI("""
            f="$DIR/$1_$2.json"
            if [ -f "$f" ]; then cat "$f"; else echo '{}'; fi
            """)
        for (name, text) in answers { try fake.write(name + ".json", text) }
        return fake
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func cli(attempts: Int = 6) throws -> AWSCommandLine {
        var options = AWSCommandLine.Options(region: "us-east-1", executable: path)
        options.backOff = 0.01
        options.attempts = attempts
        return try AWSCommandLine(options)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("AWS CLI client")
struct AWSCommandLineTests {
    @Test("a missing CLI says how to install it")
    func missingCLI() {
        var options = AWSCommandLine.Options()
        options.executable = "/nonexistent/aws"
        #expect(throws: AWSAccountError.self) { try AWSCommandLine(options) }
        do { _ = try AWSCommandLine(options) } catch {
            #expect("\(error)".contains("not installed or not on PATH"))
            #expect("\(error)".contains("TOPOGRAPH_AWS_CLI"))
        }
    }

    @Test("refused credentials stop the import before anything is read")
    func refusedCredentials() throws {
        let fake = try FakeCLI("echo 'Unable to locate credentials. You can configure credentials by running \"aws configure\".' >&2\nexit 253\n")
        defer { fake.remove() }
        let reader = AWSAccountReader(cli: try fake.cli())
        do {
            _ = try reader.read()
            Issue.record("read succeeded")
        } catch let error as AWSAccountError {
            guard case .credentialsRefused(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("Unable to locate credentials"))
            #expect(error.description.contains("aws sts get-caller-identity"))
        }
    }

    @Test("denied calls are collected and name the IAM actions")
    func deniedCalls() throws {
        let fake = try FakeCLI("""
            case "$1 $2" in
              "sts get-caller-identity") echo '{"Account": "111122223333"}' ;;
              "ec2 describe-vpcs") echo 'An error occurred (UnauthorizedOperation) when calling the DescribeVpcs operation: You are not authorized to perform this operation.' >&2; exit 254 ;;
              "ecs list-clusters") echo 'An error occurred (AccessDeniedException) when calling the ListClusters operation: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: ecs:ListClusters on resource: *' >&2; exit 254 ;;
              *) echo '{}' ;;
            esac
            """)
        defer { fake.remove() }
        do {
            _ = try AWSAccountReader(cli: try fake.cli()).read()
            Issue.record("read succeeded")
        } catch let error as AWSAccountError {
            guard case .denied(let calls) = error else { Issue.record("\(error)"); return }
            #expect(Set(calls.map(\.action)) == ["ec2:DescribeVpcs", "ecs:ListClusters"])
            #expect(error.description.contains("aws ec2 describe-vpcs needs ec2:DescribeVpcs"))
            #expect(error.description.contains("Docs/import.md"))
        }
    }

    @Test("throttled calls are retried with back-off until they answer")
    func throttling() throws {
        let fake = try FakeCLI("""
            n=$(cat "$DIR/count" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "$DIR/count"
            if [ $n -le 2 ]; then echo 'An error occurred (ThrottlingException) when calling the DescribeVpcs operation (reached max retries: 4): Rate exceeded' >&2; exit 254; fi
            echo '{"Vpcs": [{"VpcId": "vpc-1"}]}'
            """)
        defer { fake.remove() }
        let answer = try fake.cli().answer(AWSCall("ec2", "describe-vpcs"))
        #expect(try answer.get()["Vpcs"].array.count == 1)
        #expect(try String(contentsOf: fake.directory.appendingPathComponent("count"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "3")
        // Out of attempts: the failure is reported, not retried for ever.
        try "0".write(to: fake.directory.appendingPathComponent("count"), atomically: true, encoding: .utf8)
        if case .success = try fake.cli(attempts: 2).answer(AWSCall("ec2", "describe-vpcs")) { Issue.record("two attempts cannot pass three throttles") }
    }

    @Test("a page token the CLI leaves is followed and the pages merged")
    func pagination() throws {
        let fake = try FakeCLI("""
            case "$*" in
              *"--next-token t1"*) echo '{"Items": [{"ApiId": "b"}], "NextToken": "t2"}' ;;
              *"--next-token t2"*) echo '{"Items": [{"ApiId": "c"}]}' ;;
              *) echo '{"Items": [{"ApiId": "a"}], "NextToken": "t1"}' ;;
            esac
            """)
        defer { fake.remove() }
        let answer = try fake.cli().answer(AWSCall("apigatewayv2", "get-apis")).get()
        #expect(answer["Items"].array.compactMap { $0["ApiId"].string } == ["a", "b", "c"])
        #expect(answer["NextToken"].isNull)
    }

    @Test("operations the endpoint lacks are listed, not fatal")
    func unsupported() throws {
        let fake = try FakeCLI("""
            case "$1 $2" in
              "sts get-caller-identity") echo '{"Account": "111122223333"}' ;;
              "elasticache describe-serverless-caches") echo "b'<!doctype html><title>500 Internal Server Error</title>'" >&2; exit 255 ;;
              *) echo '{}' ;;
            esac
            """)
        defer { fake.remove() }
        let reader = AWSAccountReader(cli: try fake.cli())
        let model = try reader.read()
        #expect(reader.unsupported == ["aws elasticache describe-serverless-caches"])
        #expect(model.warnings.contains { $0.code == .awsNotRead })
    }

    @Test("IAM actions follow the CLI's operation names, with IAM's exceptions")
    func actions() {
        #expect(AWSCall("ec2", "describe-vpcs").action == "ec2:DescribeVpcs")
        #expect(AWSCall("elbv2", "describe-target-health").action == "elasticloadbalancing:DescribeTargetHealth")
        #expect(AWSCall("rds", "describe-db-instances").action == "rds:DescribeDBInstances")
        #expect(AWSCall("wafv2", "list-resources-for-web-acl").action == "wafv2:ListResourcesForWebACL")
        #expect(AWSCall("s3api", "list-buckets").action == "s3:ListAllMyBuckets")
        #expect(AWSCall("apigatewayv2", "get-routes").action == "apigateway:GET")
    }

    @Test("Docs/import.md prints the policy the import needs")
    func policyInDocs() throws {
        let docs = try String(contentsOf: Fixtures.repositoryFile("Docs/import.md"), encoding: .utf8)
        #expect(docs.contains(AWSPermissions.policy()), "regenerate with `topograph import aws --print-policy`")
    }
}
