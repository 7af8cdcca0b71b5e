/// File names of generated artifacts: `<topology>-<stage>.<ext>`, or `<topology>.<ext>`
/// for a file without stages.
package enum ArtifactNaming {
    package static func baseName(topology: String, stage: String) -> String {
        stage == StageInfo.defaultName ? topology : "\(topology)-\(stage)"
    }

    package static func fileName(topology: String, stage: String, fileExtension: String) -> String {
        "\(baseName(topology: topology, stage: stage)).\(fileExtension)"
    }
}
