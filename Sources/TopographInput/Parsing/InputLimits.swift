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

    package init() {}

    package static let `default` = InputLimits()
}
