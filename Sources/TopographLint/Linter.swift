import TopographModel

/// Runs every rule on every stage, applies `lint: { ignore: [...] }` suppressions, and
/// reports each suppression that matched nothing (so stale ones do not pile up) and each
/// that names no rule.
package struct Linter: Sendable {
    package var rules: [any LintRule.Type]

    package init(rules: [any LintRule.Type] = LintRegistry.all) {
        self.rules = rules
    }

    /// Lints `selected` stages (default: all). Rules still run on every stage, because a
    /// suppression is a fact about the file: one that only matters in V3 is not unused when
    /// someone lints `--stage V1`.
    package func lint(_ topology: LoadedTopology, stages selected: [StageTopology]? = nil) -> LintReport {
        let reported = Set((selected ?? topology.stages).map(\.stage.name))
        var findings = FindingMerger()
        var suppressions = SuppressionLedger(ruleIDs: Set(rules.map { $0.description.id }))

        for stage in topology.stages {
            for resource in stage.resources {
                for rule in resource.lintIgnores {
                    suppressions.declare(resource: resource.id, rule: rule, at: resource.location(of: "lint"))
                }
            }
            for rule in rules {
                let description = rule.description
                for violation in rule.check(stage) {
                    let resource = violation.resourceID.flatMap { stage.resource($0) }
                    if suppressions.suppress(description.id, on: resource, fileWide: stage.lintIgnores) { continue }
                    guard reported.contains(stage.stage.name) else { continue }
                    findings.add(
                        LintFinding(
                            ruleID: description.id, severity: description.severity, message: violation.message,
                            location: violation.location, resourceID: violation.resourceID),
                        stage: stage.stage.name)
                }
            }
        }

        var all = findings.merged(stageOrder: topology.stages.map(\.stage.name).filter(reported.contains))
        all += suppressions.findings(fileWide: topology.document.lintIgnores)
        all.sort { ($0.location, $0.ruleID, $0.message) < ($1.location, $1.ruleID, $1.message) }
        return LintReport(findings: all)
    }
}

/// Merges a finding that holds in several stages into one that names them.
private struct FindingMerger {
    /// One problem is one rule at one place about one resource; its message may differ
    /// between stages (a list of what is missing, say), and the latest stage's wording wins.
    private struct Key: Hashable {
        var rule: String
        var location: SourceLocation
        var resource: String?
    }

    private var merged: [Key: LintFinding] = [:]
    private var order: [Key] = []

    mutating func add(_ finding: LintFinding, stage: String) {
        let key = Key(rule: finding.ruleID, location: finding.location, resource: finding.resourceID)
        if merged[key] == nil {
            order.append(key)
            merged[key] = finding
        } else {
            merged[key]?.message = finding.message
        }
        if merged[key]?.stages.contains(stage) == false { merged[key]?.stages.append(stage) }
    }

    /// A finding that holds in every linted stage lists none: the common case reads short,
    /// and a file without `stages:` never mentions its implicit one.
    func merged(stageOrder: [String]) -> [LintFinding] {
        order.compactMap { merged[$0] }.map { finding in
            var finding = finding
            if finding.stages == stageOrder || stageOrder == [StageInfo.defaultName] { finding.stages = [] }
            return finding
        }
    }
}

/// Which suppressions exist, which of them matched a finding, and the findings about them.
private struct SuppressionLedger {
    private struct ResourceSuppression: Hashable {
        var resource: String
        var rule: String
    }

    /// Rules that run: a suppression of a rule left out of this run is neither used nor unused.
    let ruleIDs: Set<String>
    private var declared: [ResourceSuppression: SourceLocation] = [:]
    private var declaredOrder: [ResourceSuppression] = []
    private var usedOnResources: Set<ResourceSuppression> = []
    private var usedFileWide: Set<String> = []

    init(ruleIDs: Set<String>) {
        self.ruleIDs = ruleIDs
    }

    mutating func declare(resource: String, rule: String, at location: SourceLocation) {
        let key = ResourceSuppression(resource: resource, rule: rule)
        guard declared[key] == nil else { return }
        declared[key] = location
        declaredOrder.append(key)
    }

    /// Whether a violation of `rule` on `resource` (as it is in the stage at hand: a stage
    /// may add or drop a suppression) is suppressed; records the match.
    mutating func suppress(_ rule: String, on resource: Resource?, fileWide: [LintIgnore]) -> Bool {
        if fileWide.contains(where: { $0.rule == rule }) {
            usedFileWide.insert(rule)
            return true
        }
        if let resource, resource.lintIgnores.contains(rule) {
            usedOnResources.insert(ResourceSuppression(resource: resource.id, rule: rule))
            return true
        }
        return false
    }

    func findings(fileWide: [LintIgnore]) -> [LintFinding] {
        let knownIDs = LintRegistry.all.map { $0.description.id }
        var findings: [LintFinding] = []
        for ignore in fileWide {
            if !knownIDs.contains(ignore.rule) {
                findings.append(Self.unknownRule(ignore.rule, at: ignore.location, knownIDs: knownIDs, resource: nil))
            } else if ruleIDs.contains(ignore.rule), !usedFileWide.contains(ignore.rule) {
                findings.append(LintFinding(
                    ruleID: LintRegistry.unusedSuppressionID, severity: .warning,
                    message: "the file-wide suppression of '\(ignore.rule)' matches nothing in any stage; remove it",
                    location: ignore.location))
            }
        }
        for key in declaredOrder {
            let location = declared[key]!
            if !knownIDs.contains(key.rule) {
                findings.append(Self.unknownRule(key.rule, at: location, knownIDs: knownIDs, resource: key.resource))
            } else if ruleIDs.contains(key.rule), !usedOnResources.contains(key) {
                findings.append(LintFinding(
                    ruleID: LintRegistry.unusedSuppressionID, severity: .warning,
                    message: "'\(key.resource)' suppresses '\(key.rule)', which fires on it in no stage; remove the suppression",
                    location: location, resourceID: key.resource))
            }
        }
        return findings
    }

    private static func unknownRule(_ rule: String, at location: SourceLocation, knownIDs: [String], resource: String?) -> LintFinding {
        let hint = Suggestions.didYouMean(rule, in: knownIDs).map { "; \($0)" } ?? "; `topograph rules` lists them"
        return LintFinding(
            ruleID: LintRegistry.unknownRuleID, severity: .error, message: "'\(rule)' is not a lint rule\(hint)",
            location: location, resourceID: resource)
    }
}
