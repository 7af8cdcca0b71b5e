import Foundation
import TopographModel

package enum DriftFormat: String, CaseIterable, Sendable {
    case text
    case json
    case markdown
    case github
}

/// Drift as text (one `file:line:col` line per finding), JSON, Markdown (a PR comment) or
/// GitHub workflow commands (annotations on the topology's lines).
package enum DriftRenderer {
    package static func render(_ report: DriftReport, format: DriftFormat) -> String {
        switch format {
        case .text: text(report)
        case .json: json(report)
        case .markdown: markdown(report)
        case .github: github(report)
        }
    }

    static func summary(_ report: DriftReport) -> String {
        let count = report.findings.count
        let ignored = report.ignored.isEmpty ? "" : ", \(report.ignored.count) accepted by drift.ignore"
        let verdict = count == 0 ? "no drift" : "\(count) difference\(count == 1 ? "" : "s")"
        return "\(verdict) between \(report.topology) (stage \(report.stage)) and \(report.templates.joined(separator: ", ")): \(report.paired) of \(report.checkable) documented resources found in the templates\(ignored)"
    }

    static func text(_ report: DriftReport) -> String {
        var lines: [String] = []
        for finding in report.findings {
            let location = finding.location.map { "\($0): " } ?? ""
            lines.append("\(location)drift: \(finding.message) [\(finding.code.rawValue)]")
            if let template = finding.templateLocation, finding.topologyLocation != nil { lines.append("  template: \(template)") }
        }
        for ignore in report.unusedIgnores {
            lines.append("\(ignore.location): warning: drift.ignore entry '\(ignore.entry)' matches no difference; remove it [unused-drift-ignore]")
        }
        lines.append(summary(report))
        return VisibleText.lines(lines)
    }

    static func json(_ report: DriftReport) -> String {
        func location(_ location: SourceLocation?) -> JSONValue {
            guard let location else { return .null }
            return ["file": .string(location.file), "line": .int(location.line), "column": .int(location.column)]
        }
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func finding(_ finding: DriftFinding) -> JSONValue {
            [
                "code": .string(finding.code.rawValue), "subject": .string(finding.subject), "message": .string(finding.message),
                "topology": location(finding.topologyLocation), "template": location(finding.templateLocation),
                "templateResource": optional(finding.templateResource),
                "documented": optional(finding.documented?.description), "deployed": optional(finding.deployed?.description),
            ]
        }
        let object: JSONValue = [
            "topology": .string(report.topology), "stage": .string(report.stage), "templates": .strings(report.templates),
            "drift": .bool(report.hasDrift), "paired": .int(report.paired), "checkable": .int(report.checkable),
            "findings": .array(report.findings.map(finding)), "ignored": .array(report.ignored.map(finding)),
            "unusedIgnores": .array(report.unusedIgnores.map { ["entry": .string($0.entry), "location": location($0.location)] }),
        ]
        // A JSONValue always encodes; an empty document would fail the drift JSON tests.
        return (try? JSONOutput.text(object)) ?? "\n"
    }

    static func markdown(_ report: DriftReport) -> String {
        var lines = ["### Architecture drift", "", MarkdownText.inline(summary(report)) + "."]
        if !report.findings.isEmpty {
            lines += ["", "| | what | where |", "|---|---|---|"]
            for finding in report.findings {
                let place = finding.location.map { MarkdownText.codeSpan("\($0)") } ?? ""
                lines.append("| \(MarkdownText.codeSpan(finding.code.rawValue)) | \(MarkdownText.inline(finding.message)) | \(place) |")
            }
        }
        if !report.unusedIgnores.isEmpty {
            lines += ["", "Unused `drift.ignore` entries: " + report.unusedIgnores.map { MarkdownText.codeSpan($0.entry) }.joined(separator: ", ")]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func github(_ report: DriftReport) -> String {
        var lines: [String] = []
        for finding in report.findings {
            lines.append(GitHubAnnotation.command(
                .error, message: finding.message, file: finding.location?.file, line: finding.location?.line,
                column: finding.location?.column, title: "drift: \(finding.code.rawValue)"))
        }
        for ignore in report.unusedIgnores {
            lines.append(GitHubAnnotation.command(
                .warning, message: "drift.ignore entry '\(ignore.entry)' matches no difference", file: ignore.location.file,
                line: ignore.location.line, column: ignore.location.column))
        }
        lines.append(GitHubAnnotation.escapeData(summary(report)))
        return lines.joined(separator: "\n") + "\n"
    }
}
