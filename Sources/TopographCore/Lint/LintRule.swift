/// A lint rule: its description (data: id, texts, examples) and a check over one stage.
/// Adding a rule is one file under `Rules/` and one line in `LintRegistry.all`.
public protocol LintRule: Sendable {
    static var description: LintRuleDescription { get }
    static func check(_ topology: StageTopology) -> [LintViolation]
}

public enum LintCategory: String, Sendable, CaseIterable {
    case security
    case reliability
    case networking
    case operations
}

/// Everything about a rule a person reads: `topograph rules`, Docs/lint-rules.md and SARIF
/// rule metadata are all rendered from this.
public struct LintRuleDescription: Sendable {
    public var id: String
    public var name: String
    public var category: LintCategory
    public var severity: Severity
    /// One sentence, no trailing period.
    public var summary: String
    /// Why this matters on AWS (Markdown).
    public var rationale: String
    /// How to fix it.
    public var fix: String
    public var references: [String]
    /// Topologies that must trigger the rule exactly at each `↓` marker.
    public var triggering: [LintExample]
    /// Topologies that must not trigger it.
    public var nonTriggering: [LintExample]

    public init(
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
public struct LintExample: Sendable {
    public static let marker: Character = "↓"
    public var yaml: String
    public var line: Int

    public init(_ yaml: String, line: Int = #line) {
        self.yaml = yaml
        self.line = line
    }

    /// The YAML without markers, and the 1-based line/column of each marker.
    public var stripped: (text: String, positions: [(line: Int, column: Int)]) {
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
public struct LintViolation: Sendable, Hashable {
    public var location: SourceLocation
    public var message: String
    /// The resource the finding is about, for `lint: { ignore: [...] }` on it.
    public var resourceID: String?

    public init(at location: SourceLocation, _ message: String, resource: String? = nil) {
        self.location = location
        self.message = message
        self.resourceID = resource
    }
}
