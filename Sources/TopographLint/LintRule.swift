import TopographModel

/// A lint rule: its description (data: id, texts, examples) and a check over one stage.
/// Adding a rule is one file under `Rules/` and one line in `LintRegistry.all`.
package protocol LintRule: Sendable {
    static var description: LintRuleDescription { get }
    static func check(_ topology: StageTopology) -> [LintViolation]
}

package enum LintCategory: String, Sendable, CaseIterable {
    case security
    case reliability
    case networking
    case operations
}

/// Everything about a rule a person reads: `topograph rules`, Docs/lint-rules.md and SARIF
/// rule metadata are all rendered from this.
package struct LintRuleDescription: Sendable {
    package var id: String
    package var name: String
    package var category: LintCategory
    package var severity: Severity
    /// One sentence, no trailing period.
    package var summary: String
    /// Why this matters on AWS (Markdown).
    package var rationale: String
    /// How to fix it.
    package var fix: String
    package var references: [String]
    /// Topologies that must trigger the rule exactly at each `↓` marker.
    package var triggering: [LintExample]
    /// Topologies that must not trigger it.
    package var nonTriggering: [LintExample]

    package init(
        id: String, name: String, category: LintCategory, severity: Severity, summary: String, rationale: String,
        fix: String, references: [String] = [], triggering: [LintExample], nonTriggering: [LintExample]
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.fix = fix
        self.references = references
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A YAML topology used as a rule example. `↓` marks where a finding must point (the
/// marker itself is removed before parsing).
package struct LintExample: Sendable {
    package static let marker: Character = "↓"
    package var yaml: String
    package var line: Int

    package init(_ yaml: String, line: Int = #line) {
        self.yaml = yaml
        self.line = line
    }

    /// The YAML without markers, and the 1-based line/column of each marker.
    package var stripped: (text: String, positions: [(line: Int, column: Int)]) {
        var text = ""
        var positions: [(Int, Int)] = []
        var line = 1
        var column = 1
        for character in yaml {
            if character == Self.marker {
                positions.append((line, column))
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (text, positions)
    }
}

/// What a rule reports: where, and a message specific to the case.
package struct LintViolation: Sendable, Hashable {
    package var location: SourceLocation
    package var message: String
    /// The resource the finding is about, for `lint: { ignore: [...] }` on it.
    package var resourceID: String?

    package init(at location: SourceLocation, _ message: String, resource: String? = nil) {
        self.location = location
        self.message = message
        self.resourceID = resource
    }
}
