import ArgumentParser
import Foundation
import TopographCore

extension DiffFormat: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in the architecture between two versions (for PR reviews).",
        discussion: """
            OLD and NEW are paths, REF:path read from git, or /dev/null for a topology added \
            or removed. Reported: document fields (name, title, region, account), resources \
            added, removed, changed (attribute by attribute), moved (container changed) and \
            renamed (found by similarity, with their other changes), connections added, \
            removed and relabelled, and stages added, removed or renamed. A change common to \
            all stages is reported once. Formatting, comments, key order, anchors and merge \
            keys, the short or long connection form and the order of set-like lists \
            (subnets, zones, listeners, routes, ...) are not changes. Documentation-only \
            changes (notes, links, lint, descriptions) are listed apart; --ignore docs drops \
            them.

            Exit status: 0, also when there are differences, unless --exit-code is given: \
            then 1 when there are differences and 0 when none (as git diff --exit-code). 2 on \
            a usage or input error.

            Examples:
              topograph diff origin/main:docs/arch.yaml docs/arch.yaml --format markdown
              topograph diff old.yaml new.yaml --stage V2 --exit-code
              topograph diff arch.yaml --stages V1..V2
              topograph diff old.yaml new.yaml --format svg > changes.svg
              topograph diff /dev/null docs/new-arch.yaml --format markdown
              topograph diff origin/main:docs/arch.yaml docs/arch.yaml --exit-code --ignore docs
            """)

    @Argument(help: ArgumentHelp("The old version: a path, REF:path, - (stdin) or /dev/null.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new version: a path, REF:path, - (stdin) or /dev/null.", valueName: "new"))
    var new: String?

    @OptionGroup var stage: StageOption<DiffWording>

    @Option(help: ArgumentHelp("Compare two stages of one file: FROM..TO.", valueName: "from..to"))
    var stages: String?

    @Option(help: "Output format: markdown, json, text, or svg (the new stage drawn with the changes marked).")
    var format: DiffFormat = .text

    @Flag(help: "Exit 1 when there are differences, 0 when there are none.")
    var exitCode = false

    @Flag(name: .shortAndLong, help: "Print nothing; implies --exit-code (as git diff --quiet).")
    var quiet = false

    @Option(help: ArgumentHelp("Leave out a class of changes: docs (notes, links, lint, descriptions), from the output and the exit status.", valueName: "class"))
    var ignore: [IgnoredClass] = []

    enum IgnoredClass: String, ExpressibleByArgument, CaseIterable {
        case docs
    }

    func validate() throws {
        if stages != nil, new != nil { throw ValidationError("--stages compares two stages of one file: give one file") }
        if stages == nil, new == nil { throw ValidationError("give OLD and NEW, or one file with --stages FROM..TO") }
        if stages != nil, stage.stage != nil { throw ValidationError("--stage and --stages cannot be used together") }
    }

    func run() throws {
        let diff: DocumentDiff
        if let stages {
            let parts = stages.components(separatedBy: "..")
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw TopographFailure.input("--stages takes FROM..TO, e.g. V1..V2")
            }
            let topology = try RevisionSource.load(old)
            let from = try topology.selectStages(parts[0])[0]
            let to = try topology.selectStages(parts[1])[0]
            diff = TopologyDiffer().diff(stages: from, to, source: topology.file)
        } else {
            if old == "-" && new == "-" { throw TopographFailure.input("only one side can be read from standard input") }
            let (before, after) = try RevisionSource.loadPair(old, new!)
            if stage.stage != nil {
                if old != RevisionSource.emptySide { _ = try stage.select(before) }
                if new != RevisionSource.emptySide { _ = try stage.select(after) }
            }
            diff = TopologyDiffer().diff(old: before, new: after, stage: stage.stage)
        }
        let shown = ignore.contains(.docs) ? diff.ignoringDocumentation() : diff
        if quiet {
            if !shown.isEmpty { throw TopographFailure.findings() }
            return
        }
        print(try DiffRenderer.render(shown, format: format), terminator: "")
        if exitCode, !shown.isEmpty { throw TopographFailure.findings() }
    }
}

/// `diff`'s words for the shared options.
enum DiffWording: StageWording {
    static let stage = "Compare this stage only."
}
