import ArgumentParser
import TopographCore

struct KindsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinds",
        abstract: "List the resource kinds, or show one kind's attributes and an example.",
        discussion: """
            Examples:
              topograph kinds
              topograph kinds ecs-service
              topograph kinds --markdown > Docs/kinds.md
            """)

    @Argument(help: ArgumentHelp("A kind to describe.", valueName: "kind"))
    var kind: String?

    @Flag(help: "Print the whole catalog as Markdown (Docs/kinds.md).")
    var markdown = false

    @Flag(help: "List the AWS icon names a `generic` resource's `icon:` accepts.")
    var icons = false

    @Flag(name: .shortAndLong, help: "Accepted as on every command; this one prints only what was asked for.")
    var quiet = false

    func run() throws {
        if icons {
            print(ServiceIcons.listing(), terminator: "")
            return
        }
        if markdown {
            print(KindCatalogDocument.markdown(), terminator: "")
            return
        }
        guard let kind else {
            print(KindCatalogDocument.table(), terminator: "")
            return
        }
        guard let spec = KindCatalog.spec(kind) else {
            let hint = Suggestions.didYouMean(kind, in: KindCatalog.ids).map { " \($0)" } ?? ""
            throw TopographFailure.input("unknown kind '\(kind)';\(hint) run `topograph kinds` for the list")
        }
        print(KindCatalogDocument.detail(spec), terminator: "")
    }
}
