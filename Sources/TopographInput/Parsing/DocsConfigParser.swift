import Foundation
import Yams
import TopographModel

/// `topograph.yml`: which topologies `topograph generate` and `check` read, where the
/// docs tree goes and which outputs it holds.
///
///     inputs: [docs/architecture/*.yaml]
///     output: docs/generated
///     outputs: [mermaid, svg, runbooks, lint]
package struct DocsConfig: Sendable, Equatable {
    package var inputs: [String]
    package var output: String?
    package var outputs: [String]?
    /// `drift:` (extension): topologies to compare with the templates that deploy them.
    package var drift: [DocsDriftEntry] = []

    package init(inputs: [String] = [], output: String? = nil, outputs: [String]? = nil) {
        self.inputs = inputs
        self.output = output
        self.outputs = outputs
    }

    package static let fileName = "topograph.yml"
}

package struct DocsConfigParser: Sendable {
    package init() {}

    package func parse(path: String, knownOutputs: [String]) throws -> DocsConfig {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TopologyInputError([Diagnostic(.error, code: .unreadableFile, "\(path): cannot be read", at: nil, help: "check the path")])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw TopologyInputError([YAMLErrorTranslator(file: path, text: text).diagnostic(for: error)])
        }
        var bag = DiagnosticBag()
        var config = DocsConfig()
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        func strings(_ node: Node, key: String) -> [String] {
            switch node {
            case .scalar(let scalar): return [scalar.string]
            case .sequence(let sequence):
                return sequence.compactMap { item in
                    if case .scalar(let scalar) = item { return scalar.string }
                    bag.error(.invalidType, "`\(key)` must list strings", at: location(item), help: "write `\(key): [a, b]`")
                    return nil
                }
            default:
                bag.error(.invalidType, "`\(key)` must be a list of strings", at: location(node), help: "write `\(key): [a, b]`")
                return []
            }
        }
        guard let root, case .mapping(let mapping) = root else {
            throw TopologyInputError([Diagnostic(
                .error, code: .notAMapping, "\(DocsConfig.fileName) must be a mapping", at: SourceLocation(file: path, line: 1, column: 1),
                help: "write `inputs: [...]`, `output: DIR` and optionally `outputs: [...]`")])
        }
        let allowed = ["inputs", "output", "outputs", "drift"]
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key, allowed.contains(keyScalar.string) else {
                let name = key.scalar?.string ?? "?"
                bag.error(.unknownKey, "unknown key '\(name)' in \(DocsConfig.fileName)", at: location(key),
                          help: Suggestions.didYouMean(name, in: allowed) ?? "allowed: \(allowed.joined(separator: ", "))")
                continue
            }
            switch keyScalar.string {
            case "inputs": config.inputs = strings(value, key: "inputs")
            case "drift": config.drift = DocsDriftEntry.read(value, file: path, bag: &bag)
            case "output":
                if case .scalar(let scalar) = value { config.output = scalar.string } else {
                    bag.error(.invalidType, "`output` must be a directory path", at: location(value), help: "write `output: docs/generated`")
                }
            default:
                let names = strings(value, key: "outputs")
                for (offset, name) in names.enumerated() where !knownOutputs.contains(name) {
                    let node = value.sequence.map { Array($0)[offset] } ?? value
                    bag.error(.unknownOutput, "unknown output '\(name)'", at: location(node),
                              help: Suggestions.didYouMean(name, in: knownOutputs) ?? "outputs are: \(knownOutputs.joined(separator: ", "))")
                }
                config.outputs = names
            }
        }
        if bag.hasErrors { throw TopologyInputError(bag.diagnostics) }
        return config
    }
}
