import TopographModel

/// Bounds on what a topology file may cost to read. Each limit turns hostile or broken
/// input (a 1 GB file, `[[[[...` a million deep, a billion-laughs alias bomb) into one
/// clear error instead of a hang, an exhausted stack or an exhausted memory.
package struct InputLimits: Sendable {
    /// Largest file accepted, in bytes. A 10,000-resource topology is about 1 MB.
    package var maxFileBytes: Int = 16 * 1024 * 1024
    /// Deepest nesting of mappings and lists. Real topologies stay under 12.
    package var maxDepth: Int = 64
    /// Most YAML nodes visited, counting each use of an alias as a copy of what it names.
    package var maxNodes: Int = 2_000_000
    /// Most resources, counting the base and every stage's additions.
    package var maxResources: Int = 100_000

    /// Most stages. Each stage is a whole copy of the topology, so 5,000 stages of a
    /// large file cost gigabytes; real rollouts have a handful.
    package var maxStages: Int = 100
    /// Longest stage name, in characters: it becomes part of every file name of the stage.
    package var maxStageNameLength: Int = 64
    /// YAML aliases may expand the document to at most this many times the bytes of its
    /// scalars as written (plus `expansionAllowanceBytes`): a 1 MB label used 2,000 times
    /// is 2 GB of labels for every emitter after the parser.
    package var maxExpansionFactor: Int = 4
    package var expansionAllowanceBytes: Int = 1024 * 1024
    /// Nodes a file may expand to beyond its own size (`maxNodes` caps the total): a
    /// 652-byte alias bomb stops after about 100,000 nodes instead of 2 million.
    package var nodeAllowance: Int = 100_000

    /// Deepest `in:` chain. Real architectures nest 4-6 levels; past this, every walk up a
    /// chain (placement, lint, layout) would cost as much as the chain is long.
    package static let maxContainmentDepth = 64
    /// Longest title or label, in characters. Each is drawn in one box; Graphviz refuses an
    /// HTML label over 16,384 bytes, and escaping can grow text several times.
    package static let maxLabelLength = 2_000

    package init() {}

    package static let `default` = InputLimits()
}
