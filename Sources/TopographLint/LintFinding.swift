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
    /// Files that could not be linted (invalid YAML, unknown kinds, a missing file): part of
    /// every format, so a CI job that uploads the report still shows the file as failed
    /// instead of silently closing its alerts.
    package var inputErrors: [Diagnostic]

    package init(findings: [LintFinding], inputErrors: [Diagnostic] = []) {
        self.findings = findings
        self.inputErrors = inputErrors
    }

    package var errorCount: Int { findings.filter { $0.severity == .error }.count }
    package var warningCount: Int { findings.filter { $0.severity == .warning }.count }

    /// Files with input errors.
    package var failedFiles: [String] {
        Array(Set(inputErrors.compactMap { $0.location?.file })).sorted()
    }

    /// `2 errors, 1 warning`, and `; 1 file with input errors` when there are any.
    package var summary: String {
        var text = "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")"
        if !inputErrors.isEmpty {
            let files = max(failedFiles.count, 1)
            text += "; \(files) file\(files == 1 ? "" : "s") with input errors, not linted"
        }
        return text
    }
}
