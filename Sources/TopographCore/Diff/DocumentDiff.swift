/// Two versions of a whole topology file: document-level fields, stages matched by name or
/// found renamed, and every change reported once with the stages it appears in (a change
/// to the base of a three-stage file is one change in "all stages", not three).
public struct DocumentDiff: Sendable {
    /// One old stage compared with one new stage.
    public struct StagePair: Sendable {
        public var oldName: String
        public var name: String
        public var diff: TopologyDiff
        public var oldStage: StageTopology
        public var newStage: StageTopology
    }

    /// Changes that appear, identical, in the same set of compared stages.
    public struct ChangeGroup: Sendable {
        /// New stage names, in file order.
        public var stages: [String]
        /// Every compared stage has these changes.
        public var allStages: Bool
        public var diff: TopologyDiff
    }

    /// A stage only the new version has, compared with the stage before it in that
    /// version (or with nothing when it is the first): what the new stage does.
    public struct AddedStage: Sendable {
        public var name: String
        public var base: String?
        public var diff: TopologyDiff
        public var baseStage: StageTopology?
        public var newStage: StageTopology
    }

    public var oldSource: String
    public var newSource: String
    /// `name`, `title`, `region`, `account` (architecture) and `description`, top-level
    /// `lint`, stage titles and descriptions (documentation).
    public var document: [AttributeChange]
    public var pairs: [StagePair]
    public var groups: [ChangeGroup]
    public var stagesAdded: [AddedStage]
    public var stagesRemoved: [String]
    /// Stages found under a new name (not the two stages of `--stages V1..V2`).
    public var stagesRenamed: [StageRename]

    public struct StageRename: Sendable, Hashable {
        public var old: String
        public var new: String
    }

    public init(oldSource: String, newSource: String, document: [AttributeChange], pairs: [StagePair], groups: [ChangeGroup], stagesAdded: [AddedStage], stagesRemoved: [String], stagesRenamed: [StageRename] = []) {
        self.stagesRenamed = stagesRenamed
        self.oldSource = oldSource
        self.newSource = newSource
        self.document = document
        self.pairs = pairs
        self.groups = groups
        self.stagesAdded = stagesAdded
        self.stagesRemoved = stagesRemoved
    }

    public var isEmpty: Bool {
        document.isEmpty && stagesAdded.isEmpty && stagesRemoved.isEmpty && stagesRenamed.isEmpty && groups.allSatisfy(\.diff.isEmpty)
    }

    /// The same diff without documentation-only changes (`--ignore docs`).
    public func ignoringDocumentation() -> DocumentDiff {
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

    /// The stage a single diagram shows: the last compared stage that changed, else the
    /// last added stage, else the last compared stage.
    public var diagramStage: (old: StageTopology?, new: StageTopology, diff: TopologyDiff, name: String)? {
        if let pair = pairs.last(where: { !$0.diff.isEmpty }) { return (pair.oldStage, pair.newStage, pair.diff, pair.name) }
        if let added = stagesAdded.last { return (added.baseStage, added.newStage, added.diff, added.name) }
        if let pair = pairs.last { return (pair.oldStage, pair.newStage, pair.diff, pair.name) }
        return nil
    }
}
