import TopographModel
import TopographDiff

/// The runbooks of a topology: one per stage, and one migration runbook per pair of
/// consecutive stages.
package struct RunbookSet: Sendable {
    package var renderer: RunbookRenderer

    package init(renderer: RunbookRenderer) {
        self.renderer = renderer
    }

    package static func stageFileName(topology: String, stage: String) -> String {
        "\(ArtifactNaming.baseName(topology: topology, stage: stage))-runbook.md"
    }

    package static func migrationFileName(topology: String, from: String, to: String) -> String {
        "\(topology)-\(from)-to-\(to)-migration.md"
    }

    package func stageRunbook(_ stage: StageTopology, existing: String? = nil) throws -> String {
        let text = try renderer.render(RunbookBuilder().context(for: stage), template: "stage")
        return KeepBlocks.merge(generated: text, existing: existing)
    }

    package func migrationRunbook(from old: StageTopology, to new: StageTopology, existing: String? = nil) throws -> String {
        let text = try renderer.render(MigrationBuilder().context(from: old, to: new), template: "migration")
        return KeepBlocks.merge(generated: text, existing: existing)
    }

    /// Every runbook of `stages` (consecutive pairs get a migration), as file name -> text.
    /// `existing` reads the current file of a name, for keep blocks.
    package func files(for stages: [StageTopology], existing: (String) -> String? = { _ in nil }) throws -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for stage in stages {
            let name = Self.stageFileName(topology: stage.metadata.name, stage: stage.stage.name)
            files.append(GeneratedFile(path: name, text: try stageRunbook(stage, existing: existing(name))))
        }
        for (old, new) in zip(stages, stages.dropFirst()) where new.stage.index == old.stage.index + 1 {
            let name = Self.migrationFileName(topology: new.metadata.name, from: old.stage.name, to: new.stage.name)
            files.append(GeneratedFile(path: name, text: try migrationRunbook(from: old, to: new, existing: existing(name))))
        }
        return files
    }
}
