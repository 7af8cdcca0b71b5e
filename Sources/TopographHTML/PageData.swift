/// What the page's script reads (the JSON data block): per stage its resources,
/// connections, the changes from the stage before, lint findings and runbook sections. The
/// drawing itself is the inline SVG; this is what the side panel, the search and the
/// change highlighting need. Keys are short and sorted (`JSONOutput.compactData`) so the
/// bytes are deterministic.
struct PageData: Encodable, Sendable {
    var title: String
    var source: String
    /// Where a finding's rule id links to (`<url>#<rule-id>`).
    var rulesURL: String
    var stages: [StageData]
    /// The rules that have findings, by id.
    var rules: [String: RuleData]
    /// Every runbook section of every stage, each once: a service's section is the same in
    /// most stages, and repeating it per stage tripled the page of a 100-resource topology.
    var sections: [RunbookSectionData]
}

struct StageData: Encodable, Sendable {
    var name: String
    var title: String?
    var description: String?
    /// Resource ids in file order.
    var order: [String]
    var resources: [String: ResourceData]
    var connections: [ConnectionData]
    /// From the previous stage to this one; nil for the first stage.
    var changes: ChangesData?
    var findings: [FindingData]
    /// Sections of this stage's runbook and of the migration into it that name a resource,
    /// as indexes into `PageData.sections`.
    var runbook: [Int]
}

struct ResourceData: Encodable, Sendable {
    var id: String
    var kind: String
    var kindTitle: String
    var label: String
    var name: String
    /// Containers from the outermost down to the direct parent (`in:`).
    var path: [String]
    var subnets: [String]
    var zones: [String]
    /// Every written field other than `kind`, `label` and `in`, in written order: name, value.
    var attributes: [[String]]
    var links: [String]
    var notes: String?
    /// Whether the stage's drawing shows it (a collapsed view merges some into groups).
    var drawn: Bool
}

struct ConnectionData: Encodable, Sendable {
    var from: String
    var to: String
    var label: String?
}

struct ChangesData: Encodable, Sendable {
    var from: String
    var resources: [ResourceChangeData]
    var connections: [ConnectionChangeData]
}

struct ResourceChangeData: Encodable, Sendable {
    /// added, removed, changed, renamed or moved (the diff's model).
    var change: String
    var id: String
    var kind: String
    var label: String
    var oldID: String?
    var oldParent: String?
    var newParent: String?
    /// path, old value, new value ("" when absent).
    var attributes: [[String]]
}

struct ConnectionChangeData: Encodable, Sendable {
    var change: String
    var from: String
    var to: String
    var label: String?
}

struct FindingData: Encodable, Sendable {
    var rule: String
    var severity: String
    var message: String
    var resource: String?
    var line: Int
    var column: Int
}

struct RuleData: Encodable, Sendable {
    var name: String
    var summary: String
    var fix: String
}

struct RunbookSectionData: Encodable, Hashable, Sendable {
    /// `runbook` (the stage's) or `migration` (the one into this stage).
    var source: String
    var heading: String
    /// The section's Markdown as HTML (Ink), headings included.
    var html: String
    var resources: [String]
}
