/// Runs every rule on every stage, applies `lint: { ignore: [...] }` suppressions, and
/// reports each suppression that matched nothing (so stale ones do not pile up) and each
/// that names no rule.
public struct Linter: Sendable {
    public var rules: [any LintRule.Type]

    public init(rules: [any LintRule.Type] = LintRegistry.all) {
        self.rules = rules
    }

    public func lint(_ topology: LoadedTopology, stages selected: [StageTopology]? = nil) -> LintReport {
        let stages = selected ?? topology.stages
        let knownIDs = LintRegistry.all.map { $0.description.id }
        var merged: [String: LintFinding] = [:]
        var order: [String] = []
        var usedFileIgnores: Set<String> = []
        var usedResourceIgnores: Set<String> = []  // "resource\0rule"
        var resourceIgnores: [String: (rules: [String], location: SourceLocation)] = [:]

        func add(_ finding: LintFinding, stage: String) {
            let key = "\(finding.ruleID)\u{0}\(finding.location)\u{0}\(finding.message)"
            if var existing = merged[key] {
                if !existing.stages.contains(stage) { existing.stages.append(stage) }
                merged[key] = existing
            } else {
                var finding = finding
                finding.stages = [stage]
                merged[key] = finding
                order.append(key)
            }
        }

        for stage in stages {
            let name = stage.stage.name
            for resource in stage.resources where !resource.lintIgnores.isEmpty {
                resourceIgnores[resource.id] = (resource.lintIgnores, resource.location(of: "lint"))
            }
            for rule in rules {
                let description = rule.description
                for violation in rule.check(stage) {
                    if stage.lintIgnores.contains(where: { $0.rule == description.id }) {
                        usedFileIgnores.insert(description.id)
                        continue
                    }
                    if let id = violation.resourceID, stage.resource(id)?.lintIgnores.contains(description.id) == true {
                        usedResourceIgnores.insert("\(id)\u{0}\(description.id)")
                        continue
                    }
                    add(LintFinding(
                        ruleID: description.id, severity: description.severity, message: violation.message,
                        location: violation.location, resourceID: violation.resourceID), stage: name)
                }
            }
        }

        var findings = order.compactMap { merged[$0] }
        for ignore in topology.document.lintIgnores {
            if !knownIDs.contains(ignore.rule) {
                findings.append(unknownRule(ignore.rule, at: ignore.location, knownIDs: knownIDs))
            } else if !usedFileIgnores.contains(ignore.rule), rules.contains(where: { $0.description.id == ignore.rule }) {
                findings.append(LintFinding(
                    ruleID: LintRegistry.unusedSuppressionID, severity: .warning,
                    message: "the file-wide suppression of '\(ignore.rule)' matches nothing; remove it", location: ignore.location))
            }
        }
        for (resourceID, entry) in resourceIgnores.sorted(by: { $0.value.location < $1.value.location }) {
            for rule in entry.rules {
                if !knownIDs.contains(rule) {
                    findings.append(unknownRule(rule, at: entry.location, knownIDs: knownIDs))
                } else if !usedResourceIgnores.contains("\(resourceID)\u{0}\(rule)"), rules.contains(where: { $0.description.id == rule }) {
                    findings.append(LintFinding(
                        ruleID: LintRegistry.unusedSuppressionID, severity: .warning,
                        message: "'\(resourceID)' suppresses '\(rule)', which does not fire on it; remove the suppression",
                        location: entry.location, resourceID: resourceID))
                }
            }
        }
        let stageNames = stages.map(\.stage.name)
        for index in findings.indices {
            // A finding in every linted stage needs no stage list; neither does a file without stages.
            if findings[index].stages == stageNames || stageNames == [StageInfo.defaultName] { findings[index].stages = [] }
        }
        findings.sort { ($0.location, $0.ruleID, $0.message) < ($1.location, $1.ruleID, $1.message) }
        return LintReport(findings: findings)
    }

    private func unknownRule(_ rule: String, at location: SourceLocation, knownIDs: [String]) -> LintFinding {
        let hint = Suggestions.didYouMean(rule, in: knownIDs).map { "; \($0)" } ?? "; `topograph rules` lists them"
        return LintFinding(ruleID: LintRegistry.unknownRuleID, severity: .error, message: "'\(rule)' is not a lint rule\(hint)", location: location)
    }
}
