import Foundation

/// The pipeline, named once:
///
///     YAML text ─TopologyParser→ TopologyDocument ─StageResolver→ [StageTopology]
///       ─TopologyValidator→ validated stages ─┬─DiagramBuilder→ Diagram ─MermaidRenderer / GraphvizRenderer→ text
///                                              ├─Linter→ [LintFinding] ─reporters→ text / JSON / SARIF
///                                              ├─RunbookBuilder→ runbook context ─templates→ Markdown
///                                              └─TopologyDiffer→ TopologyDiff ─DiffRenderer→ Markdown / JSON / text
///
/// `TopologyLoader` runs the first three arrows; every emitter starts from its result.
public struct LoadedTopology: Sendable {
    public var document: TopologyDocument
    public var stages: [StageTopology]
    /// Warnings found while loading (errors are thrown instead).
    public var warnings: [Diagnostic]

    public var file: String { document.file }
    public var metadata: TopologyMetadata { document.metadata }

    public func stage(named name: String) -> StageTopology? {
        stages.first { $0.stage.name == name }
    }

    public var stageNames: [String] { stages.map(\.stage.name) }
}

public struct TopologyLoader: Sendable {
    public var limits: InputLimits

    public init(limits: InputLimits = .default) {
        self.limits = limits
    }

    public func load(path: String, displayPath: String? = nil) throws -> LoadedTopology {
        let document = try TopologyParser(limits: limits).parse(contentsOf: path, displayPath: displayPath)
        return try resolve(document)
    }

    public func load(text: String, file: String) throws -> LoadedTopology {
        try resolve(TopologyParser(limits: limits).parse(text: text, file: file))
    }

    public func load(data: Data, file: String) throws -> LoadedTopology {
        try resolve(TopologyParser(limits: limits).parse(data: data, file: file))
    }

    /// Resolves the stages and validates each. A problem in the base shows up in every
    /// stage; it is reported once, and a problem that only one stage has names the stage.
    public func resolve(_ document: TopologyDocument) throws -> LoadedTopology {
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
