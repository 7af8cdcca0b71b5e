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

    /// The stages a command should act on: one named stage, all of them, or the default
    /// (the last stage: the architecture as it ends up).
    static func select(_ topology: LoadedTopology, stage: String?, all: Bool) throws -> [StageTopology] {
        if all { return topology.stages }
        if let stage {
            guard let found = topology.stage(named: stage) else {
                let suggestion = Suggestions.didYouMean(stage, in: topology.stageNames).map { " \($0)" } ?? ""
                throw CommandFailure.input("\(topology.file): no stage named '\(stage)';\(suggestion) stages: \(topology.stageNames.joined(separator: ", "))")
            }
            return [found]
        }
        return [topology.stages[topology.stages.count - 1]]
    }
}
