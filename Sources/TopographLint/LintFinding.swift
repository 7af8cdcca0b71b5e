import TopographModel

/// One finding of `topograph lint`, merged across the stages that share it.
package struct LintFinding: Sendable, Hashable {
    package var ruleID: String
    package var severity: Severity
    package var message: String
    package var location: SourceLocation
    package var resourceID: String?
    /// Stages the finding holds in (empty for a file without stages).
    package var stages: [String]

    package init(ruleID: String, severity: Severity, message: String, location: SourceLocation, resourceID: String? = nil, stages: [String] = []) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = VisibleText.escaped(message)
        self.location = location
        self.resourceID = resourceID
        self.stages = stages
    }
}

package struct LintReport: Sendable {
    package var findings: [LintFinding]

    package init(findings: [LintFinding]) {
        self.findings = findings
    }

    package var errorCount: Int { findings.filter { $0.severity == .error }.count }
    package var warningCount: Int { findings.filter { $0.severity == .warning }.count }

    /// `2 errors, 1 warning`.
    package var summary: String {
        "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")"
    }
}
