import Foundation
import TopographCore

/// Reads a topology from a path, or from standard input when the path is `-`.
enum InputLoading {
    /// `stdinName` is the path standard input is reported as (`--stdin-filename`), so
    /// findings on piped text link to the file in the repository.
    static func load(_ path: String, stdinName: String? = nil) throws -> LoadedTopology {
        if path == "-" {
            return try TopologyLoader().load(data: StandardInput.read(), file: stdinName ?? StandardInput.displayName)
        }
        return try PhaseTiming.measure("load \(path)") { try TopologyLoader().load(path: path) }
    }
}
