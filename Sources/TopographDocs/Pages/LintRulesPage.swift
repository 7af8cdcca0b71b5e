import TopographInput
import TopographLint
import TopographModel

/// `Docs/lint-rules.md`: the rules' own document plus its output-format section, shown on
/// the real output of an example that this layer (which may parse) loads and lints.
package enum LintRulesPage {
    package static func markdown() -> String {
        let topology = try? TopologyLoader().load(text: LintRulesDocument.outputExample, file: "arch.yaml")
        return LintRulesDocument.markdown(outputExample: topology.map { Linter().lint($0) })
    }
}
