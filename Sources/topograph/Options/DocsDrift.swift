import Foundation
import TopographCore

/// The `drift:` entries of topograph.yml, run by `generate` and `check`: each topology
/// against the templates that deploy it. Findings go to standard error (as text, or as
/// GitHub annotations); input errors are thrown (exit 2).
enum DocsDrift {
    /// Whether any entry drifted.
    static func run(_ options: DocsOptions, github: Bool = false) throws -> Bool {
        guard FileManager.default.fileExists(atPath: options.config) else { return false }
        let entries = try DocsConfigParser().parse(path: options.config, knownOutputs: DocsEmitters.ids).drift
        var drifted = false
        for entry in entries {
            let loaded = try InputLoading.load(entry.topology)
            let stage = try loaded.selectStages(entry.stage)[0]
            let model = try IaCSources.load(entry.against, region: loaded.metadata.region, placeholderStackNames: true)
            let report = DriftChecker().check(loaded, stage: stage, model: model)
            drifted = drifted || report.hasDrift
            if report.hasDrift || !options.quiet {
                StandardStream.error(DriftRenderer.render(report, format: github ? .github : .text))
            }
        }
        return drifted
    }
}
