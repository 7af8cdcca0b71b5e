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
            var line = "\(location)drift: \(finding.message) [\(finding.code.rawValue)]"
            if let template = finding.templateLocation, finding.topologyLocation != nil { line += "\n  template: \(template)" }
            lines.append(line)
        }
        for ignore in report.unusedIgnores {
            lines.append("\(ignore.location): warning: drift.ignore entry '\(ignore.entry)' matches no difference; remove it [unused-drift-ignore]")
        }
        lines.append(summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ report: DriftReport) -> String {
        func location(_ location: SourceLocation?) -> Any {
            guard let location else { return NSNull() }
            return ["file": location.file, "line": location.line, "column": location.column]
        }
        func finding(_ finding: DriftFinding) -> [String: Any] {
            [
                "code": finding.code.rawValue, "subject": finding.subject, "message": finding.message,
                "topology": location(finding.topologyLocation), "template": location(finding.templateLocation),
                "templateResource": finding.templateResource ?? NSNull(),
                "documented": finding.documented?.description ?? NSNull(), "deployed": finding.deployed?.description ?? NSNull(),
            ]
        }
        let object: [String: Any] = [
            "topology": report.topology, "stage": report.stage, "templates": report.templates, "drift": report.hasDrift,
            "paired": report.paired, "checkable": report.checkable,
            "findings": report.findings.map(finding), "ignored": report.ignored.map(finding),
            "unusedIgnores": report.unusedIgnores.map { ["entry": $0.entry, "location": location($0.location)] },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
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
            var properties = ["title=" + GitHubCommand.property("drift: \(finding.code.rawValue)")]
            if let location = finding.location {
                properties = ["file=" + GitHubCommand.property(location.file), "line=\(location.line)", "col=\(location.column)"] + properties
            }
            lines.append("::error \(properties.joined(separator: ","))::\(GitHubCommand.data(finding.message))")
        }
        for ignore in report.unusedIgnores {
            lines.append("::warning file=\(GitHubCommand.property(ignore.location.file)),line=\(ignore.location.line),col=\(ignore.location.column)::\(GitHubCommand.data("drift.ignore entry '\(ignore.entry)' matches no difference"))")
        }
        lines.append(GitHubCommand.data(summary(report)))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The one escaper for GitHub Actions workflow commands (`::error file=...::message`):
/// a value can never end the command early or start another one.
package enum GitHubCommand {
    package static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    package static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

