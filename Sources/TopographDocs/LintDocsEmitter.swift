import TopographModel
import TopographInput
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff

/// The lint summary on each topology's index page (and a count on the top index).
package struct LintDocsEmitter: DocsEmitter {
    package let id = "lint"

    package init() {}

    package func files(for topology: LoadedTopology, context: DocsContext) throws -> [GeneratedFile] { [] }

    package func indexSection(for topology: LoadedTopology, context: DocsContext) -> DocsIndexSection {
        let report = Linter().lint(topology)
        let counts = "\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")"
        var lines = ["## Lint", ""]
        if report.findings.isEmpty {
            lines.append("`topograph lint` finds nothing in any stage.")
            return DocsIndexSection(lines: lines, summary: "lint: \(counts)")
        }
        lines += ["`topograph lint`: \(counts).", "", "| severity | rule | where | finding |", "|---|---|---|---|"]
        for finding in report.findings {
            let stages = finding.stages.isEmpty ? "" : " (\(finding.stages.map(MarkdownText.inline).joined(separator: ", ")))"
            lines.append("| \(finding.severity.rawValue) | \(MarkdownText.codeSpan(finding.ruleID, inTable: true)) | line \(finding.location.line)\(stages) | \(MarkdownText.inline(finding.message)) |")
        }
        return DocsIndexSection(lines: lines, summary: "lint: \(counts)")
    }
}
