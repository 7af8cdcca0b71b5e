/// One finding of `topograph lint`, merged across the stages that share it.
public struct LintFinding: Sendable, Hashable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    public var resourceID: String?
    /// Stages the finding holds in (empty for a file without stages).
    public var stages: [String]

    public init(ruleID: String, severity: Severity, message: String, location: SourceLocation, resourceID: String? = nil, stages: [String] = []) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.resourceID = resourceID
        self.stages = stages
    }
}

public struct LintReport: Sendable {
    public var findings: [LintFinding]

    public init(findings: [LintFinding]) {
        self.findings = findings
    }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }

    /// `2 errors, 1 warning`.
    public var summary: String {
        "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")"
    }
}
