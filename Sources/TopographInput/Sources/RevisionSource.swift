import Foundation
import TopographModel

/// A topology named on the command line: a path, or `REF:path` read from git
/// (`origin/main:docs/arch.yaml`), so a PR job can compare against the base branch
/// without checking it out.
package enum RevisionSource {
    /// The empty side of a diff: a topology added (old side) or removed (new side) in a
    /// PR, named as git names it.
    package static let emptySide = "/dev/null"

    package static func load(_ spec: String) throws -> LoadedTopology {
        if spec == emptySide { return empty(file: spec) }
        if spec == "-" || FileManager.default.fileExists(atPath: spec) {
            if spec == "-" {
                return try TopologyLoader().load(data: StandardInput.read(), file: StandardInput.displayName)
            }
            return try TopologyLoader().load(path: spec)
        }
        // A revision or path starting with `-` would reach git as an option
        // (`--output=PATH:x` makes `git show` write a file).
        let pathPart = spec.firstIndex(of: ":").map { spec[spec.index(after: $0)...] } ?? ""
        if spec.hasPrefix("-") || pathPart.hasPrefix("-") {
            throw failure("\(spec): a revision or path may not start with '-'", help: "name the file as ./\(spec) if it is a file; git revisions never start with '-'")
        }
        guard let colon = spec.firstIndex(of: ":"), colon != spec.startIndex else {
            throw failure("\(spec): no such file", help: "give a path, or REF:path to read a file from git (e.g. origin/main:docs/arch.yaml)")
        }
        let data = try gitShow(spec)
        return try TopologyLoader().load(data: data, file: spec)
    }

    /// A topology with nothing in it: one stage, no resources, no name.
    package static func empty(file: String) -> LoadedTopology {
        let metadata = TopologyMetadata(name: "")
        let document = TopologyDocument(file: file, version: 1, metadata: metadata, resources: [], connections: [], stages: [])
        let stage = StageTopology(metadata: metadata, stage: StageInfo(name: StageInfo.defaultName, index: 0), resources: [], connections: [], file: file)
        return LoadedTopology(document: document, stages: [stage], warnings: [])
    }

    /// Loads both sides at once, one per core: reading dominates a diff of large files.
    package static func loadPair(_ old: String, _ new: String) throws -> (LoadedTopology, LoadedTopology) {
        let results = PairBox()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let outcome = Result { try load(index == 0 ? old : new) }
            results.set(index, outcome)
        }
        return (try results.get(0).get(), try results.get(1).get())
    }

    private final class PairBox: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result<LoadedTopology, Error>?] = [nil, nil]

        func set(_ index: Int, _ value: Result<LoadedTopology, Error>) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        func get(_ index: Int) -> Result<LoadedTopology, Error> {
            lock.lock()
            defer { lock.unlock() }
            // Every index is set before it is read (one task per index, joined first).
            return values[index] ?? .failure(CancellationError())
        }
    }

    static func gitShow(_ spec: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // `--end-of-options`: whatever `spec` holds, git reads it as a revision, never an option.
        process.arguments = ["git", "show", "--end-of-options", spec]
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("topograph-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let err = scratch.appendingPathComponent("err")
        guard FileManager.default.createFile(atPath: out.path, contents: nil),
              FileManager.default.createFile(atPath: err.path, contents: nil) else {
            throw failure("\(spec): cannot create scratch files in \(scratch.path)", help: "check that the temporary directory is writable (TMPDIR)")
        }
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw failure("\(spec): cannot run git (\(error))", help: "install git, or pass a file path")
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: err, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            throw failure("\(spec): git show failed: \(message)", help: "check the ref and the path (paths after `REF:` are relative to the repository root, or start them with ./)")
        }
        return try Data(contentsOf: out)
    }

    static func failure(_ message: String, help: String) -> TopologyInputError {
        TopologyInputError([Diagnostic(.error, code: .unreadableRevision, message, at: nil, help: help)])
    }
}
