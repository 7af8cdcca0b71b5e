import TopographModel

/// Two versions of a whole topology file: document-level fields, stages matched by name or
/// found renamed, and every change reported once with the stages it appears in (a change
/// to the base of a three-stage file is one change in "all stages", not three).
package struct DocumentDiff: Sendable {
    /// One old stage compared with one new stage.
    package struct StagePair: Sendable {
        package var oldName: String
        package var name: String
        package var diff: TopologyDiff
        package var oldStage: StageTopology
        package var newStage: StageTopology
    }

    /// Changes that appear, identical, in the same set of compared stages.
    package struct ChangeGroup: Sendable {
        /// New stage names, in file order.
        package var stages: [String]
        /// Every compared stage has these changes.
        package var allStages: Bool
        package var diff: TopologyDiff
    }

    /// A stage only the new version has, compared with the stage before it in that
    /// version (or with nothing when it is the first): what the new stage does.
    package struct AddedStage: Sendable {
        package var name: String
        package var base: String?
        package var diff: TopologyDiff
        package var baseStage: StageTopology?
        package var newStage: StageTopology
    }

    package var oldSource: String
    package var newSource: String
    /// `name`, `title`, `region`, `account` (architecture) and `description`, top-level
    /// `lint`, stage titles and descriptions (documentation).
    package var document: [AttributeChange]
    package var pairs: [StagePair]
    package var groups: [ChangeGroup]
    package var stagesAdded: [AddedStage]
    package var stagesRemoved: [String]
    /// Stages found under a new name (not the two stages of `--stages V1..V2`).
    package var stagesRenamed: [StageRename]

    package struct StageRename: Sendable, Hashable {
        package var old: String
        package var new: String
    }

    package init(oldSource: String, newSource: String, document: [AttributeChange], pairs: [StagePair], groups: [ChangeGroup], stagesAdded: [AddedStage], stagesRemoved: [String], stagesRenamed: [StageRename] = []) {
        self.stagesRenamed = stagesRenamed
        self.oldSource = oldSource
        self.newSource = newSource
        self.document = document
        self.pairs = pairs
        self.groups = groups
        self.stagesAdded = stagesAdded
        self.stagesRemoved = stagesRemoved
    }

    package var isEmpty: Bool {
        document.isEmpty && stagesAdded.isEmpty && stagesRemoved.isEmpty && stagesRenamed.isEmpty && groups.allSatisfy(\.diff.isEmpty)
    }

    /// The same diff without documentation-only changes (`--ignore docs`).
    package func ignoringDocumentation() -> DocumentDiff {
        var result = self
        result.document = document.filter { $0.changeClass == .architecture }
        result.pairs = pairs.map { pair in
            var pair = pair
            pair.diff = pair.diff.ignoringDocumentation()
            return pair
        }
        result.groups = groups.map { group in
            var group = group
            group.diff = group.diff.ignoringDocumentation()
            return group
        }.filter { !$0.diff.isEmpty }
        result.stagesAdded = stagesAdded.map { stage in
            var stage = stage
            stage.diff = stage.diff.ignoringDocumentation()
            return stage
        }
        return result
    }

    /// The stage a single diagram shows: the last compared stage whose architecture
    /// changed, else the last added stage, else the last compared stage.
    package var diagramStage: (old: StageTopology?, new: StageTopology, diff: TopologyDiff, name: String)? {
        if let pair = pairs.last(where: { !$0.diff.ignoringDocumentation().isEmpty }) { return (pair.oldStage, pair.newStage, pair.diff, pair.name) }
        if let added = stagesAdded.last { return (added.baseStage, added.newStage, added.diff, added.name) }
        if let pair = pairs.last { return (pair.oldStage, pair.newStage, pair.diff, pair.name) }
        return nil
    }
}
