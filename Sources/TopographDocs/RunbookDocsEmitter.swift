import TopographModel
import TopographInput
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff

/// The stage and migration runbooks, linked from the index; people's notes in keep blocks
/// are carried over from the files already in the tree.
package struct RunbookDocsEmitter: DocsEmitter {
    package let id = "runbooks"

    package init() {}

    package func files(for topology: LoadedTopology, context: DocsContext) throws -> [GeneratedFile] {
        try RunbookSet(renderer: RunbookRenderer()).files(for: topology.stages, existing: context.existing)
    }

    package func stageIndexLines(for stage: StageTopology, context: DocsContext) -> [String] {
        let runbook = RunbookSet.stageFileName(topology: stage.metadata.name, stage: stage.stage.name)
        var lines = ["Runbook: [\(MarkdownText.codeSpan(runbook))](\(LinkText.attributeSafe(runbook)))"]
        if stage.stage.index > 0 {
            // The migration into this stage from the one before.
            lines.append("")
            lines.append("Migration into this stage: see the \(MarkdownText.codeSpan("*-to-\(stage.stage.name)-migration.md")) runbook in this folder.")
        }
        return lines
    }

    package func indexSection(for topology: LoadedTopology, context: DocsContext) -> DocsIndexSection {
        let pairs = zip(topology.stages, topology.stages.dropFirst()).map { pair in
            let name = RunbookSet.migrationFileName(topology: topology.metadata.name, from: pair.0.stage.name, to: pair.1.stage.name)
            return "- [\(MarkdownText.inline(pair.0.stage.name)) → \(MarkdownText.inline(pair.1.stage.name))](\(LinkText.attributeSafe(name)))"
        }
        return DocsIndexSection(lines: pairs.isEmpty ? [] : ["## Migration runbooks", ""] + pairs)
    }
}
