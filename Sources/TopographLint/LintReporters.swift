import Foundation
import TopographModel

/// Output formats of `topograph lint`.
package enum LintFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    /// GitHub Actions workflow commands: an annotation per finding and input error.
    case github
}

/// Renders a lint report. Every format lists findings in the report's order (file, line,
/// column, rule), so the same input gives byte-identical output.
package enum LintReporter {
    /// `toolVersion` goes into SARIF's driver; the CLI owns the version number.
    package static func render(
        _ report: LintReport, format: LintFormat, toolVersion: String, rulesURL: String = SARIFLintReporter.defaultRulesURL
    ) throws -> String {
        switch format {
        case .text: text(report)
        case .json: try json(report)
        case .sarif: try SARIFLintReporter.render(report, toolVersion: toolVersion, rulesURL: rulesURL)
        case .github: github(report)
        }
    }

    /// One `::error`/`::warning`/`::notice` line per finding (titled with the rule id) and
    /// per input error, then the summary as a notice.
    package static func github(_ report: LintReport) -> String {
        var lines = report.inputErrors.map(GitHubAnnotation.command(for:))
        for finding in report.findings {
            lines.append(GitHubAnnotation.command(
                GitHubAnnotation.Level(finding.severity), message: finding.message + stageSuffix(finding.stages),
                file: SourcePath.repositoryRelative(finding.location.file) ?? finding.location.file,
                line: finding.location.line, column: finding.location.column, title: "topograph [\(finding.ruleID)]"))
        }
        lines.append(GitHubAnnotation.command(.notice, message: "topograph lint: " + report.summary))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `file:line:col: warning: message [rule-id] (stages V2, V3)`, then a count, the shape
    /// compilers use so editors and CI logs link each line to its position.
    package static func text(_ report: LintReport, summary: Bool = true) -> String {
        var lines = report.findings.map { finding in
            "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]\(stageSuffix(finding.stages))"
        }
        if summary { lines.append(report.summary) }
        return VisibleText.lines(lines)
    }

    static func stageSuffix(_ stages: [String]) -> String {
        stages.isEmpty ? "" : " (stage\(stages.count == 1 ? "" : "s") \(stages.joined(separator: ", ")))"
    }

    /// Version 1 of the JSON shape, documented in Docs/lint-rules.md ("Output formats").
    /// Fields are only ever added; a change to an existing one bumps `version`.
    struct JSONReport: Encodable {
        var version = 1
        var findings: [JSONFinding]
        /// Diagnostics of files that could not be linted (added in version 1 without a bump:
        /// fields are only ever added).
        var inputErrors: [DiagnosticJSON]
        var summary: JSONSummary
    }

    struct JSONFinding: Encodable {
        var rule: String
        var severity: String
        var message: String
        var file: String
        var line: Int
        var column: Int
        /// The resource at fault; `null` for file-wide suppression findings.
        var resource: String?
        /// Stages the finding holds in; empty when it holds in every linted stage.
        var stages: [String]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            // Always present (null when absent) so consumers see one shape.
            try container.encode(resource, forKey: .resource)
            try container.encode(stages, forKey: .stages)
        }

        enum CodingKeys: String, CodingKey {
            case rule, severity, message, file, line, column, resource, stages
        }
    }

    struct JSONSummary: Encodable {
        var errors: Int
        var warnings: Int
        /// Files with input errors; when non-zero the lint did not run on them (exit 2).
        var failedFiles: Int
    }

    package static func json(_ report: LintReport) throws -> String {
        let value = JSONReport(
            findings: report.findings.map {
                JSONFinding(
                    rule: $0.ruleID, severity: $0.severity.rawValue, message: $0.message, file: $0.location.file,
                    line: $0.location.line, column: $0.location.column, resource: $0.resourceID, stages: $0.stages)
            },
            inputErrors: report.inputErrors.map(DiagnosticJSON.init),
            summary: JSONSummary(errors: report.errorCount, warnings: report.warningCount, failedFiles: report.failedFiles.count))
        return try encode(value)
    }

    static func encode(_ value: some Encodable) throws -> String {
        try JSONOutput.text(value)
    }
}
