import ArgumentParser
import TopographCore

/// The help of `--stage` (and `--all-stages`) in a command's own words ("Draw this stage
/// only.", "Lint this stage only."): argument-parser reads an option's help when it
/// reflects the group, so the words are a type the group is generic over.
protocol StageWording {
    static var stage: String { get }
}

protocol StageSelectionWording: StageWording {
    static var allStages: String { get }
}

/// `--stage NAME`, for commands that act on one stage (default: the last).
struct StageOption<Wording: StageWording>: ParsableArguments {
    @Option(help: ArgumentHelp(Wording.stage))
    var stage: String?

    func select(_ topology: LoadedTopology) throws -> StageTopology {
        try topology.selectStages(stage)[0]
    }
}

/// `--stage NAME` or `--all-stages`, for commands that draw or write per stage.
struct StageSelection<Wording: StageSelectionWording>: ParsableArguments {
    @Option(help: ArgumentHelp(Wording.stage))
    var stage: String?

    @Flag(help: ArgumentHelp(Wording.allStages))
    var allStages = false

    func validate() throws {
        if stage != nil && allStages { throw ValidationError("--stage and --all-stages cannot be used together") }
    }

    func select(_ topology: LoadedTopology) throws -> [StageTopology] {
        try topology.selectStages(stage, all: allStages)
    }
}
