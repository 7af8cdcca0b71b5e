import Foundation

/// A few long-lived AWS CLI processes that each serve many calls.
///
/// Every `aws` start spends ~0.5 s of CPU importing the CLI's Python modules before it sends
/// a request; an import makes about a hundred calls. When `aws` is a Python script (Debian's
/// and Homebrew's v2, PyPI's v1), its interpreter can run the CLI's own entry point
/// (`awscli.clidriver`, what the script itself calls) once per call in one process, with the
/// same argument vector, configuration, credentials, endpoint and output. A host answers
/// one call at a time (the CLI writes to `sys.stdout`), so a pool of a few runs in parallel.
///
/// Anything unexpected (an `aws` that is not a Python script, such as the official
/// installer's single binary; a CLI without `awscli.clidriver`; a host that dies) falls back
/// to one process per call: the host is a shortcut, never the only way.
final class AWSCLIHostPool: @unchecked Sendable {
    /// How a host is started: the script's interpreter (with the shebang's arguments).
    let interpreter: [String]
    let environment: [String: String]
    private let lock = NSLock()
    private var idle: [AWSCLIHost] = []
    private var all: [AWSCLIHost] = []
    private var broken = false
    private let slots: DispatchSemaphore

    /// nil when `executable` is not a Python script (then every call is a process).
    init?(executable: String, environment: [String: String], limit: Int) {
        guard let interpreter = Self.pythonInterpreter(of: executable) else { return nil }
        self.interpreter = interpreter
        self.environment = environment
        slots = DispatchSemaphore(value: max(1, limit))
        // A host that dies makes a write to its pipe raise SIGPIPE; an error is what we want.
        signal(SIGPIPE, SIG_IGN)
    }

    deinit { for host in all { host.stop() } }

    /// Hosts started so far (each is one CLI process).
    var processes: Int { lock.withLock { all.count } }

    /// The interpreter line of a Python script (`#!/usr/bin/python3`, `#!/usr/bin/env python3`).
    static func pythonInterpreter(of executable: String) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: executable) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 256)) ?? Data()
        guard head.starts(with: Data("#!".utf8)) else { return nil }
        let line = String(decoding: head.dropFirst(2).prefix { $0 != 0x0A }, as: UTF8.self)
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let program = words.first else { return nil }
        let python = program.hasSuffix("/env") ? words.dropFirst().first : program
        guard let python, (python as NSString).lastPathComponent.hasPrefix("python") else { return nil }
        return words
    }

    /// The call's exit status, standard output and standard error; nil: run it as a process.
    func run(_ arguments: [String]) -> (Int32, Data, Data)? {
        if lock.withLock({ broken }) { return nil }
        slots.wait()
        defer { slots.signal() }
        guard let host = lock.withLock({ idle.popLast() }) ?? start() else { return nil }
        guard let answer = host.ask(arguments) else {
            host.stop()
            return nil
        }
        lock.withLock { idle.append(host) }
        return answer
    }

    private func start() -> AWSCLIHost? {
        guard let host = AWSCLIHost(interpreter: interpreter, environment: environment) else {
            lock.withLock { broken = true }
            return nil
        }
        lock.withLock { all.append(host) }
        return host
    }
}

/// One host process: JSON lines in (an argument vector), JSON lines out (`rc`, `out`, `err`).
final class AWSCLIHost: @unchecked Sendable {
    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private var buffer = Data()

    /// Starts the host and waits for it to say the CLI loaded; nil if it did not.
    init?(interpreter: [String], environment: [String: String]) {
        process.executableURL = URL(fileURLWithPath: interpreter[0])
        process.arguments = Array(interpreter.dropFirst()) + ["-c", Self.script]
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        guard (try? AWSCommandLine.launch(process)) != nil else { return nil }
        guard let line = readLine(), let ready = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any], ready["ready"] as? Bool == true else {
            stop()
            return nil
        }
    }

    func ask(_ arguments: [String]) -> (Int32, Data, Data)? {
        guard let request = try? JSONSerialization.data(withJSONObject: arguments),
              (try? input.write(contentsOf: request + Data("\n".utf8))) != nil,
              let line = readLine(),
              let answer = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any],
              let status = answer["rc"] as? Int, let out = answer["out"] as? String, let err = answer["err"] as? String
        else { return nil }
        return (Int32(truncatingIfNeeded: status), Data(out.utf8), Data(err.utf8))
    }

    /// Ends an idle host: closing its input ends its loop, but a host started later may
    /// hold a copy of that pipe, so it is also told to stop.
    func stop() {
        try? input.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    private func readLine() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            // `availableData` returns what the pipe holds (`read(upToCount:)` waits for the whole count).
            let chunk = output.availableData
            guard !chunk.isEmpty else { return nil }
            buffer.append(chunk)
        }
    }

    /// The host: the protocol keeps private copies of standard input and output, the CLI
    /// gets /dev/null and standard error instead, so nothing it prints can corrupt an
    /// answer. Each call runs the CLI's entry point (v2: `AWSCLIEntryPoint`, v1: the
    /// driver) with the call's arguments, its output captured.
    static let script = #"""
        import contextlib, io, json, os, sys
        sys.argv = ["aws"]  # the CLI's usage messages name its program
        requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
        answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(2, 1)
        if os.environ.get("LC_CTYPE", "") == "UTF-8":
            os.environ["LC_CTYPE"] = "en_US.UTF-8"
        def say(value):
            answers.write(json.dumps(value) + "\n")
            answers.flush()
        try:
            import awscli.clidriver as clidriver
            driver = clidriver.create_clidriver()
            entry = clidriver.AWSCLIEntryPoint(driver).main if hasattr(clidriver, "AWSCLIEntryPoint") else driver.main
        except BaseException as error:
            say({"ready": False, "error": "%s: %s" % (type(error).__name__, error)})
            sys.exit(0)
        say({"ready": True})
        for line in requests:
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    rc = entry(json.loads(line))
                except SystemExit as exit:
                    rc = exit.code if isinstance(exit.code, int) else 1
                except BaseException as error:
                    err.write("%s: %s\n" % (type(error).__name__, error))
                    rc = 255
            say({"rc": rc or 0, "out": out.getvalue(), "err": err.getvalue()})
        """#
}
