import Foundation
import TopographModel

/// Runs the first three arrows of the pipeline (parse, resolve stages, validate); every
/// emitter starts from the `LoadedTopology` it returns.
package struct TopologyLoader: Sendable {
    package var limits: InputLimits

    package init(limits: InputLimits = .default) {
        self.limits = limits
    }

    package func load(path: String, displayPath: String? = nil) throws -> LoadedTopology {
        let document = try TopologyParser(limits: limits).parse(contentsOf: path, displayPath: displayPath)
        return try resolve(document)
    }

    package func load(text: String, file: String) throws -> LoadedTopology {
        try resolve(TopologyParser(limits: limits).parse(text: text, file: file))
    }

    package func load(data: Data, file: String) throws -> LoadedTopology {
        try resolve(TopologyParser(limits: limits).parse(data: data, file: file))
    }

    /// Resolves the stages and validates each. A problem in the base shows up in every
    /// stage; it is reported once, and a problem that only one stage has names the stage.
    package func resolve(_ document: TopologyDocument) throws -> LoadedTopology {
        var bag = DiagnosticBag()
        let stages = StageResolver().resolve(document, diagnostics: &bag)
        let validator = TopologyValidator()
        var reported: Set<Diagnostic> = []
        for (offset, stage) in stages.enumerated() {
            for var diagnostic in validator.validate(stage) {
                guard reported.insert(diagnostic).inserted else { continue }
                if offset > 0, stages.count > 1 {
                    diagnostic.message += " (in stage '\(stage.stage.name)')"
                }
                bag.append(diagnostic)
            }
        }
        if bag.hasErrors { throw TopologyInputError(bag.diagnostics) }
        return LoadedTopology(document: document, stages: stages, warnings: bag.sorted)
    }
}
