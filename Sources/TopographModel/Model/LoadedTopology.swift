/// The pipeline, named once:
///
///     YAML text ─TopologyParser→ TopologyDocument ─StageResolver→ [StageTopology]
///       ─TopologyValidator→ validated stages ─┬─DiagramBuilder→ Diagram ─MermaidRenderer / GraphvizRenderer→ text
///                                              ├─Linter→ [LintFinding] ─reporters→ text / JSON / SARIF
///                                              ├─RunbookBuilder→ runbook context ─templates→ Markdown
///                                              └─TopologyDiffer→ TopologyDiff ─DiffRenderer→ Markdown / JSON / text
///
/// `TopologyLoader` runs the first three arrows; every emitter starts from its result.
package struct LoadedTopology: Sendable {
    package var document: TopologyDocument
    package var stages: [StageTopology]
    /// Warnings found while loading (errors are thrown instead).
    package var warnings: [Diagnostic]

    package init(document: TopologyDocument, stages: [StageTopology], warnings: [Diagnostic]) {
        self.document = document
        self.stages = stages
        self.warnings = warnings
    }

    package var file: String { document.file }
    package var metadata: TopologyMetadata { document.metadata }

    package func stage(named name: String) -> StageTopology? {
        stages.first { $0.stage.name == name }
    }

    package var stageNames: [String] { stages.map(\.stage.name) }
}
