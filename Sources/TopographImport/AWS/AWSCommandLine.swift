import Foundation
import TopographModel

/// Runs the official AWS CLI as a subprocess (`aws ... --output json`), so profiles, SSO,
/// `credential_process`, `--endpoint-url` and the CLI's own signing all apply; Topograph
/// never signs a request itself. Calls run in parallel up to a bound; throttled calls are
/// retried with exponential back-off and jitter; a page token the CLI leaves in its answer
/// (operations it does not paginate itself) is followed.
package final class AWSCommandLine: Sendable {
    package struct Options: Sendable {
        package var region: String?
        package var profile: String?
        package var endpointURL: String?
        /// The `aws` executable; default: `$TOPOGRAPH_AWS_CLI`, else `aws` on `PATH`.
        package var executable: String?
        package var parallelism = 6
        package var attempts = 6
        /// The first back-off in seconds; each retry doubles it (with jitter), up to 20 s.
        package var backOff = 0.5
        /// Start the CLI once per call instead of serving calls from a few long-lived CLI
        /// processes (see `AWSCLIHostPool`; a CLI that is not a Python script always is).
        package var processPerCall = false

        package init(region: String? = nil, profile: String? = nil, endpointURL: String? = nil, executable: String? = nil) {
            self.region = region
            self.profile = profile
            self.endpointURL = endpointURL
            self.executable = executable
        }
    }

    package let options: Options
    package let executable: String
    /// Long-lived CLI processes serving the calls; nil: a process per call.
    let hosts: AWSCLIHostPool?

    /// Finds the CLI; a missing one is an error the user can act on.
    package init(_ options: Options, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.options = options
        let wanted = options.executable ?? environment["TOPOGRAPH_AWS_CLI"] ?? "aws"
        guard let found = Self.locate(wanted, path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") else {
            throw AWSAccountError.cliMissing(wanted)
        }
        executable = found
        hosts = options.processPerCall ? nil : AWSCLIHostPool(executable: found, environment: Self.environment(environment), limit: min(options.parallelism, 4))
    }

    /// CLI processes started so far: one per call, or the hosts that served the calls.
    package var processes: Int { (hosts?.processes ?? 0) + started.withLock { $0 } }
    private let started = Locked(0)

    /// The CLI's environment: never a pager or an interactive prompt.
    static func environment(_ base: [String: String]) -> [String: String] {
        var environment = base
        environment["AWS_PAGER"] = ""  // v2 pipes output through `less` otherwise
        environment["AWS_CLI_AUTO_PROMPT"] = "off"
        return environment
    }

    static func locate(_ name: String, path: String) -> String? {
        let manager = FileManager.default
        if name.contains("/") { return manager.isExecutableFile(atPath: name) ? name : nil }
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if manager.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `aws --version`: `aws-cli/2.9.19 Python/3.11.2 ...`.
    package func version() -> String? {
        guard let (status, out, err) = try? execute(["--version"]), status == 0 else { return nil }
        let text = String(decoding: out.isEmpty ? err : out, as: UTF8.self)
        return text.split(separator: " ").first.map(String.init)
    }

    /// Every call, at most `parallelism` at a time; answers in the order of `calls`.
    package func run(_ calls: [AWSCall]) -> [Result<AWSJSON, AWSCallFailure>] {
        let results = Locked([Result<AWSJSON, AWSCallFailure>](repeating: .failure(.failed("not run")), count: calls.count))
        let slots = DispatchSemaphore(value: max(1, options.parallelism))
        let group = DispatchGroup()
        for (index, call) in calls.enumerated() {
            slots.wait()
            DispatchQueue.global().async(group: group) {
                defer { slots.signal() }
                let answer = self.answer(call)
                results.withLock { $0[index] = answer }
            }
        }
        group.wait()
        return results.withLock { $0 }
    }

    /// One call with its retries and the pages the CLI did not follow itself.
    package func answer(_ call: AWSCall) -> Result<AWSJSON, AWSCallFailure> {
        var merged: AWSJSON?
        var arguments = call.arguments
        var seenTokens: Set<String> = []
        for _ in 0..<1000 {
            switch attempt(AWSCall(call.service, call.operation, arguments)) {
            case .failure(let failure): return .failure(failure)
            case .success(let page):
                merged = merged.map { Self.merge($0, page) } ?? page
                guard let (option, token) = Self.nextPage(page), seenTokens.insert(token).inserted else { return .success(merged ?? page) }
                arguments = Self.replacing(option, with: token, in: call.arguments)
            }
        }
        return .success(merged ?? .object([:]))
    }

    private func attempt(_ call: AWSCall) -> Result<AWSJSON, AWSCallFailure> {
        var delay = options.backOff
        var last = AWSCallFailure.failed("not run")
        for attempt in 1...max(1, options.attempts) {
            let status: Int32, out: Data, err: Data
            do {
                let arguments = [call.service, call.operation] + call.arguments + globalArguments
                (status, out, err) = try hosts?.run(arguments) ?? execute(arguments)
            } catch {
                return .failure(.failed("\(executable) could not be started: \(error)"))
            }
            let message = String(decoding: err, as: UTF8.self)
            if status == 0 {
                do { return .success(try AWSJSON(data: out)) } catch {
                    return .failure(.failed("the CLI's answer is not JSON (\(out.count) bytes)"))
                }
            }
            if Self.isThrottling(message), attempt < options.attempts {
                // Full jitter: parallel callers that were throttled together do not retry together.
                Thread.sleep(forTimeInterval: Double.random(in: delay / 2...delay))
                delay = min(delay * 2, 20)
                last = .failed(Self.lastLine(message))
                continue
            }
            return .failure(Self.classify(message, call: call))
        }
        return .failure(last)
    }

    var globalArguments: [String] {
        var result = ["--output", "json"]
        if let region = options.region { result += ["--region", region] }
        if let profile = options.profile { result += ["--profile", profile] }
        if let endpoint = options.endpointURL { result += ["--endpoint-url", endpoint] }
        return result
    }

    /// Starts `process` with `count` new pipes, which `connect` attaches to it. Foundation's
    /// `Pipe` leaves its descriptors inheritable and a child is told which descriptors to
    /// close when it is prepared, so a pipe another thread makes meanwhile (the next CLI host
    /// starting) is inherited. Whoever reads such a pipe then waits for an end of file that
    /// never comes (a served CLI host for its input to close, topograph for a host's output:
    /// `aws-import` hung that way under load). So pipes are made and children started under
    /// one lock, and every pipe is marked close-on-exec as well (`posix_spawn` still gives
    /// each child its own ends as 0, 1, 2).
    static func launch(_ process: Process, pipes count: Int, connect: ([Pipe]) -> Void) throws -> [Pipe] {
        try spawning.withLock {
            let pipes = (0..<count).map { _ in Pipe() }
            for pipe in pipes {
                for descriptor in [pipe.fileHandleForReading.fileDescriptor, pipe.fileHandleForWriting.fileDescriptor] {
                    _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
                }
            }
            connect(pipes)
            try start(process)
            return pipes
        }
    }

    private static let spawning = NSLock()

    /// Starts `process`, again after a moment when the kernel says the executable is busy
    /// (ETXTBSY): the CLI is being replaced (an upgrade), or, in a process that spawns from
    /// many threads, another child briefly holds a write descriptor to it.
    private static func start(_ process: Process) throws {
        for attempt in 0..<5 {
            do {
                return try process.run()
            } catch let error as NSError where attempt < 4 && Self.isBusy(error) {
                Thread.sleep(forTimeInterval: 0.02 * Double(attempt + 1))
            }
        }
    }

    static func isBusy(_ error: NSError) -> Bool {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return [error, underlying].contains { $0?.domain == NSPOSIXErrorDomain && $0?.code == Int(ETXTBSY) }
    }

    private func execute(_ arguments: [String]) throws -> (Int32, Data, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = Self.environment(ProcessInfo.processInfo.environment)
        started.withLock { $0 += 1 }
        // Runs the CLI, reading both pipes at once (a full stderr pipe must not stall it).
        process.standardInput = FileHandle.nullDevice
        let pipes = try Self.launch(process, pipes: 2) { pipes in
            process.standardOutput = pipes[0]
            process.standardError = pipes[1]
        }
        let out = pipes[0], err = pipes[1]
        let errData = Locked(Data())
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) {
            let data = (try? err.fileHandleForReading.readToEnd()) ?? Data()
            errData.withLock { $0 = data }
        }
        let outData = (try? out.fileHandleForReading.readToEnd()) ?? Data()
        reader.wait()
        process.waitUntilExit()
        return (process.terminationStatus, outData, errData.withLock { $0 })
    }
}
