import ArgumentParser
import Foundation
import TopographCore

extension DiffFormat: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in the architecture between two versions (for PR reviews).",
        discussion: """
            OLD and NEW are paths or REF:path read from git. Resources added, removed, changed \
            (attribute by attribute), moved (container changed) and renamed, and connections \
            added, removed and relabelled, per stage. Formatting, comments, key order and the \
            short or long connection form are not changes. With --exit-code: 1 when there are \
            differences, 0 when none, 2 on error (as git diff --exit-code).

            Examples:
              topograph diff origin/main:docs/arch.yaml docs/arch.yaml --format markdown
              topograph diff old.yaml new.yaml --stage V2 --exit-code
              topograph diff arch.yaml --stages V1..V2
              topograph diff old.yaml new.yaml --stage V2 --format svg > v2-changes.svg
            """)

    @Argument(help: ArgumentHelp("The old version: a path or REF:path.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new version: a path or REF:path.", valueName: "new"))
    var new: String?

    @Option(help: "Compare this stage only.")
    var stage: String?

    @Option(help: ArgumentHelp("Compare two stages of one file: FROM..TO.", valueName: "from..to"))
    var stages: String?

    @Option(help: "Output format: markdown, json, text, or svg (the new stage drawn with the changes marked).")
    var format: DiffFormat = .text

    @Flag(help: "Exit 1 when there are differences, 0 when there are none.")
    var exitCode = false

    @Flag(name: .shortAndLong, help: "Print nothing; implies --exit-code (as git diff --quiet).")
    var quiet = false

    func validate() throws {
        if stages != nil, new != nil { throw ValidationError("--stages compares two stages of one file: give one file") }
        if stages == nil, new == nil { throw ValidationError("give OLD and NEW, or one file with --stages FROM..TO") }
        if stages != nil, stage != nil { throw ValidationError("--stage and --stages cannot be used together") }
    }

    func run() throws {
        let diff: DocumentDiff
        if let stages {
            let parts = stages.components(separatedBy: "..")
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CommandFailure.input("--stages takes FROM..TO, e.g. V1..V2")
            }
            let topology = try RevisionSource.load(old)
            let from = try InputLoading.select(topology, stage: parts[0], all: false)[0]
            let to = try InputLoading.select(topology, stage: parts[1], all: false)[0]
            diff = TopologyDiffer().diff(stages: from, to, source: topology.file)
        } else {
            if old == "-" && new == "-" { throw CommandFailure.input("only one side can be read from standard input") }
            let (before, after) = try RevisionSource.loadPair(old, new!)
            if let stage {
                _ = try InputLoading.select(before, stage: stage, all: false)
                _ = try InputLoading.select(after, stage: stage, all: false)
            }
            diff = TopologyDiffer().diff(old: before, new: after, stage: stage)
        }
        if quiet {
            if !diff.isEmpty { throw CommandFailure.findings() }
            return
        }
        do {
            print(try DiffRenderer.render(diff, format: format), terminator: "")
        } catch let error as DiffRenderer.SVGStageError {
            throw CommandFailure.input(error.description)
        }
        if exitCode, !diff.isEmpty { throw CommandFailure.findings() }
    }
}
