import Foundation

/// Output formats of `topograph lint`.
public enum LintFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
}

public enum LintReporter {
    public static func render(_ report: LintReport, format: LintFormat) throws -> String {
        switch format {
        case .text: text(report)
        case .json: try json(report)
        case .sarif: try sarif(report)
        }
    }

    /// `file:line:col: warning: message [rule-id] (stages V2, V3)`.
    public static func text(_ report: LintReport) -> String {
        var lines = report.findings.map { finding in
            let stages = finding.stages.isEmpty ? "" : " (stage\(finding.stages.count == 1 ? "" : "s") \(finding.stages.joined(separator: ", ")))"
            return "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]\(stages)"
        }
        lines.append("\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")")
        return lines.joined(separator: "\n") + "\n"
    }

    struct JSONReport: Encodable {
        var version = 1
        var findings: [JSONFinding]
        var summary: [String: Int]
    }

    struct JSONFinding: Encodable {
        var rule: String
        var severity: String
        var message: String
        var file: String
        var line: Int
        var column: Int
        var resource: String?
        var stages: [String]
    }

    /// A stable, documented shape (Docs/lint-rules.md): `version`, `findings`, `summary`.
    public static func json(_ report: LintReport) throws -> String {
        let value = JSONReport(
            findings: report.findings.map {
                JSONFinding(rule: $0.ruleID, severity: $0.severity.rawValue, message: $0.message, file: $0.location.file,
                            line: $0.location.line, column: $0.location.column, resource: $0.resourceID, stages: $0.stages)
            },
            summary: ["errors": report.errorCount, "warnings": report.warningCount])
        return try encode(value)
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    // MARK: - SARIF 2.1.0

    struct SARIFLog: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [SARIFRun]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct SARIFRun: Encodable {
        var tool: SARIFTool
        var results: [SARIFResult]
    }

    struct SARIFTool: Encodable {
        var driver: SARIFDriver
    }

    struct SARIFDriver: Encodable {
        var name = "topograph"
        var informationUri = "https://github.com/topograph/topograph/blob/main/Docs/lint-rules.md"
        var semanticVersion: String
        var rules: [SARIFRule]
    }

    struct SARIFText: Encodable {
        var text: String
        var markdown: String?
    }

    struct SARIFRule: Encodable {
        var id: String
        var name: String
        var shortDescription: SARIFText
        var fullDescription: SARIFText
        var help: SARIFText
        var defaultConfiguration: [String: String]
        var properties: [String: [String]]
    }

    struct SARIFResult: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: SARIFText
        var locations: [SARIFLocation]
    }

    struct SARIFLocation: Encodable {
        var physicalLocation: SARIFPhysicalLocation
    }

    struct SARIFPhysicalLocation: Encodable {
        var artifactLocation: [String: String]
        var region: [String: Int]
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    public static var allRuleDescriptions: [LintRuleDescription] {
        LintRegistry.descriptions + [
            LintRuleDescription(
                id: LintRegistry.unusedSuppressionID, name: "Unused suppression", category: .operations, severity: .warning,
                summary: "A `lint: { ignore: [...] }` entry suppresses nothing", rationale: "A suppression that matches nothing hides the next real finding of that rule.",
                fix: "Remove the entry.", triggering: [], nonTriggering: []),
            LintRuleDescription(
                id: LintRegistry.unknownRuleID, name: "Unknown rule in a suppression", category: .operations, severity: .error,
                summary: "A suppression names a rule that does not exist", rationale: "A misspelt rule id suppresses nothing.",
                fix: "Use an id from `topograph rules`.", triggering: [], nonTriggering: []),
        ]
    }

    public static func sarif(_ report: LintReport) throws -> String {
        let descriptions = allRuleDescriptions
        let rules = descriptions.map { description in
            SARIFRule(
                id: description.id, name: description.name.replacingOccurrences(of: " ", with: ""),
                shortDescription: SARIFText(text: description.summary),
                fullDescription: SARIFText(text: description.rationale),
                help: SARIFText(text: description.fix, markdown: "\(description.fix)\n\n\(description.rationale)"),
                defaultConfiguration: ["level": level(description.severity)],
                properties: ["tags": [description.category.rawValue]])
        }
        let results = report.findings.map { finding in
            SARIFResult(
                ruleId: finding.ruleID, ruleIndex: descriptions.firstIndex { $0.id == finding.ruleID } ?? 0,
                level: level(finding.severity),
                message: SARIFText(text: finding.message + (finding.stages.isEmpty ? "" : " (stages \(finding.stages.joined(separator: ", ")))")),
                locations: [SARIFLocation(physicalLocation: SARIFPhysicalLocation(
                    artifactLocation: ["uri": finding.location.file],
                    region: ["startLine": finding.location.line, "startColumn": finding.location.column]))])
        }
        return try encode(SARIFLog(runs: [SARIFRun(tool: SARIFTool(driver: SARIFDriver(semanticVersion: "0.1.0", rules: rules)), results: results)]))
    }
}
