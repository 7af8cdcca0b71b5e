import ArgumentParser
import Foundation
import TopographCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a JSON Schema (draft 2020-12) of the topology format, for editors.",
        discussion: """
            Point yaml-language-server (VS Code's YAML extension, Neovim, ...) at it with a first \
            line `# yaml-language-server: $schema=path/to/topograph.schema.json` in a topology \
            file. It flags unknown keys, unknown attributes of each kind, wrong types and \
            misspelt enum values as you type; `topograph validate` remains the full check.

            Examples:
              topograph schema > topograph.schema.json
              topograph schema -o Docs/topograph.schema.json
            """)

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(name: .shortAndLong, help: "Accepted as on every command; this one prints only what was asked for.")
    var quiet = false

    func run() throws {
        let json = TopologySchema.json()
        if let output, output != StandardOutputPath.name {
            try OutputWriter().write(json, to: output)
        } else {
            print(json, terminator: "")
        }
    }
}
