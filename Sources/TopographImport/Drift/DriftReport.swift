import TopographModel

/// One way the documented architecture and the templates disagree.
package struct DriftFinding: Sendable, Hashable {
    package enum Code: String, Sendable, Hashable, CaseIterable {
        /// The topology documents a resource the templates do not have.
        case missingInTemplate = "missing-in-template"
        /// The templates have a resource of a kind the topology documents, and it is not documented.
        case notDocumented = "not-documented"
        /// The templates place a documented resource elsewhere (other subnets, another container).
        case placement
        /// An attribute the topology declares has another value in the templates.
        case attribute
        /// The templates' security groups do not admit a documented connection.
        case connection
    }

    package var code: Code
    /// What the finding is about, as a `drift.ignore` entry names it: `id`, `id.attribute`,
    /// `from -> to`, or a template logical id for an undocumented resource.
    package var subject: String
    package var message: String
    /// Where the topology says it (nil for undocumented template resources).
    package var topologyLocation: SourceLocation?
    /// Where the template says it.
    package var templateLocation: SourceLocation?
    package var templateResource: String?
    package var documented: AttributeValue?
    package var deployed: AttributeValue?

    /// Where an annotation goes: the topology line, else the template line.
    package var location: SourceLocation? { topologyLocation ?? templateLocation }
}

package struct DriftReport: Sendable {
    package var topology: String
    package var stage: String
    package var templates: [String]
    /// "the templates", or "the account" for `--against aws`, in the summary line.
    package var source = "the templates"
    package var findings: [DriftFinding]
    /// Findings a `drift.ignore` entry accepted.
    package var ignored: [DriftFinding]
    /// `drift.ignore` entries that matched nothing (stale suppressions).
    package var unusedIgnores: [DriftIgnore]
    /// How many documented resources were paired with a template resource, of how many checkable.
    package var paired: Int
    package var checkable: Int

    package var hasDrift: Bool { !findings.isEmpty }
}
