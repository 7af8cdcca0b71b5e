import Foundation
import TopographModel

/// SARIF 2.1.0 (OASIS), the format GitHub code scanning and most CI dashboards ingest. One
/// run, every rule's metadata in the driver (so a result links to its rationale and fix),
/// a physical location per result and the resource at fault as a logical location.
/// `scripts/checks/sarif-schema.sh` validates the output against the published schema.
package enum SARIFLintReporter {
    package static func render(_ report: LintReport, toolVersion: String, rulesURL: String = defaultRulesURL) throws -> String {
        let descriptions = LintRegistry.allDescriptions
        let indexes = Dictionary(uniqueKeysWithValues: descriptions.enumerated().map { ($1.id, $0) })
        let rules = descriptions.map { rule($0, rulesURL: rulesURL) }
        let results = report.findings.map { finding in
            Result(
                ruleId: finding.ruleID, ruleIndex: indexes[finding.ruleID],
                level: level(finding.severity),
                message: Text(text: finding.message + LintReporter.stageSuffix(finding.stages)),
                locations: [Location(
                    physicalLocation: PhysicalLocation(
                        artifactLocation: artifactLocation(finding.location.file),
                        region: Region(startLine: finding.location.line, startColumn: finding.location.column)),
                    logicalLocations: finding.resourceID.map { [LogicalLocation(name: $0)] })],
                properties: finding.stages.isEmpty ? nil : ResultProperties(stages: finding.stages))
        }
        // A file that could not be read or parsed is not "clean": the invocation failed, and
        // each input error is a notification on its position, so code scanning keeps the
        // file's alerts open instead of closing them.
        let notifications = report.inputErrors.map { diagnostic in
            Notification(
                level: level(diagnostic.severity),
                message: Text(text: diagnostic.message + (diagnostic.help.map { " (\($0))" } ?? "")),
                locations: diagnostic.location.map { location in
                    [Location(
                        physicalLocation: PhysicalLocation(
                            artifactLocation: artifactLocation(location.file),
                            region: Region(startLine: max(location.line, 1), startColumn: max(location.column, 1))),
                        logicalLocations: nil)]
                },
                descriptor: DescriptorReference(id: diagnostic.code.rawValue))
        }
        let invocation = Invocation(executionSuccessful: notifications.isEmpty, toolExecutionNotifications: notifications.isEmpty ? nil : notifications)
        let run = Run(
            tool: Tool(driver: Driver(version: toolVersion, semanticVersion: toolVersion, rules: rules)),
            invocations: [invocation], results: results)
        return try LintReporter.encode(Log(runs: [run]))
    }

    static func rule(_ description: LintRuleDescription, rulesURL: String = defaultRulesURL) -> Rule {
        var help = "**Fix:** \(description.fix)\n\n\(description.rationale)"
        if let example = description.triggering.first {
            help += "\n\nTriggers (`↓` marks the finding):\n\n```yaml\n\(example.yaml.trimmingCharacters(in: .newlines))\n```"
        }
        if !description.references.isEmpty {
            help += "\n\nReferences:\n\n" + description.references.map { "- <\($0)>" }.joined(separator: "\n")
        }
        return Rule(
            id: description.id, name: pascalCase(description.id), helpUri: "\(rulesURL)#\(description.id)",
            shortDescription: Text(text: description.summary),
            fullDescription: Text(text: description.rationale, markdown: description.rationale),
            help: Text(text: description.fix, markdown: help),
            defaultConfiguration: Configuration(level: level(description.severity)),
            properties: RuleProperties(
                tags: [description.category.rawValue],
                // GitHub ranks security alerts by this CVSS-like score; only security rules get one.
                securitySeverity: description.category == .security ? (description.severity == .error ? "7.5" : "5.0") : nil))
    }

    /// Where a rule's `helpUri` points by default: the generated Docs/lint-rules.md of
    /// Topograph's repository; `lint --rules-url` points it at another copy. Each rule's
    /// anchor is its id (its `## id` heading, whose GitHub slug is the id unchanged).
    public static let defaultRulesURL = "https://github.com/topograph/topograph/blob/main/Docs/lint-rules.md"

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// SARIF's `name` is an identifier-like form of the id: `nlb-cross-zone` -> `NlbCrossZone`.
    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Paths are made relative to the repository root (`%SRCROOT%`, which is what code
    /// scanning resolves them against) when the file is in a git work tree; outside one,
    /// relative paths stay as given and absolute ones become `file://` URIs. Both are
    /// percent-encoded, since `uri` must be a URI reference.
    static func artifactLocation(_ file: String) -> ArtifactLocation {
        // Code scanning resolves `%SRCROOT%` to the repository root, not to where the tool ran.
        let path = SourcePath.repositoryRelative(file) ?? file
        if path.hasPrefix("/") {
            return ArtifactLocation(uri: URL(fileURLWithPath: path).absoluteString, uriBaseId: nil)
        }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";")
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return ArtifactLocation(uri: relative.addingPercentEncoding(withAllowedCharacters: allowed) ?? relative, uriBaseId: "%SRCROOT%")
    }

    // MARK: - The subset of the SARIF object model Topograph writes

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var results: [Result]
        /// libyaml and so every Topograph position counts columns in Unicode scalars; SARIF
        /// defaults to UTF-16 code units, which differ after an emoji in a label.
        var columnKind = "unicodeCodePoints"
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]?
    }

    struct Notification: Encodable {
        var level: String
        var message: Text
        var locations: [Location]?
        var descriptor: DescriptorReference
    }

    struct DescriptorReference: Encodable {
        var id: String
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = "topograph"
        var version: String
        var semanticVersion: String
        var rules: [Rule]
    }

    struct Text: Encodable {
        var text: String
        var markdown: String?
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct RuleProperties: Encodable {
        var tags: [String]
        var securitySeverity: String?
        enum CodingKeys: String, CodingKey {
            case tags
            case securitySeverity = "security-severity"
        }
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var helpUri: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]
        var properties: ResultProperties?
    }

    struct ResultProperties: Encodable {
        var stages: [String]
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var logicalLocations: [LogicalLocation]?
    }

    struct LogicalLocation: Encodable {
        var name: String
        var kind = "resource"
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }
}
