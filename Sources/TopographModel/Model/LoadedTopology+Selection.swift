extension LoadedTopology {
    /// The stages a command acts on: one named stage, all of them, or by default the last
    /// (the architecture as it ends up). The CLI's `--stage`/`--all-stages` and the
    /// library façade select through this one function, so they agree on the default and
    /// on the message for a misspelt stage.
    package func selectStages(_ name: String?, all: Bool = false) throws -> [StageTopology] {
        if all { return stages }
        guard let name else { return [stages[stages.count - 1]] }
        guard let found = stage(named: name) else {
            let suggestion = Suggestions.didYouMean(name, in: stageNames).map { " \($0)" } ?? ""
            throw TopographFailure(.unknownStage, "\(file): no stage named '\(name)';\(suggestion) stages: \(stageNames.joined(separator: ", "))")
        }
        return [found]
    }
}
