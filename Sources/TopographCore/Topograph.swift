import Foundation

/// The public façade for tools that embed Topograph as a library (the `TopographCore`
/// product). It is deliberately small and stable: load a topology, then ask for what the
/// CLI would print. Everything else is `package` API that may change between releases;
/// the CLI in this repository uses it directly.
///
///     let topology = try Topograph.Topology(contentsOf: "arch.yaml")
///     let mermaid = try topology.render(.mermaid, stage: "V2")
public enum Topograph {
    /// Input that could not become a valid topology. Each entry reads
    /// `file:line:column: error: message [code]` with a `help:` line, as the CLI prints it.
    public struct InputError: Error, CustomStringConvertible, Sendable {
        public let diagnostics: [String]
        public var description: String { diagnostics.joined(separator: "\n") }
    }

    public enum Format: String, Sendable, CaseIterable {
        case mermaid, dot, svg

        var renderFormat: RenderFormat {
            switch self {
            case .mermaid: .mermaid
            case .dot: .dot
            case .svg: .svg
            }
        }
    }

    /// A parsed, stage-resolved and validated topology.
    public struct Topology: Sendable {
        let loaded: LoadedTopology

        public init(contentsOf path: String) throws {
            loaded = try Self.mapped { try TopologyLoader().load(path: path) }
        }

        public init(yaml: String, file: String = "topology.yaml") throws {
            loaded = try Self.mapped { try TopologyLoader().load(text: yaml, file: file) }
        }

        /// The topology's `name:` (a slug).
        public var name: String { loaded.metadata.name }

        /// Stage names in file order (`["V1", "V2"]`; a file without stages has one).
        public var stageNames: [String] { loaded.stageNames }

        /// Warnings found while loading, formatted as the CLI prints them.
        public var warnings: [String] { loaded.warnings.map(\.description) }

        /// One stage (the last when `stage` is nil) in `format`, as the CLI's `render` writes it.
        public func render(_ format: Format, stage: String? = nil) throws -> Data {
            let selected = try Self.mapped { try loaded.selectStages(stage) }
            return try TopologyRendering(loaded, formats: [format.renderFormat]).render(selected[0], format.renderFormat).data
        }

        /// Lint findings over every stage as the CLI's `lint --format json` prints them
        /// (the shape `Docs/lint-rules.md` documents).
        public func lintJSON() throws -> String {
            try LintReporter.json(Linter().lint(loaded))
        }

        /// Positioned diagnostics as the CLI prints them; a misspelt stage is one line.
        private static func mapped<T>(_ body: () throws -> T) throws -> T {
            do {
                return try body()
            } catch let error as TopologyInputError {
                throw InputError(diagnostics: error.diagnostics.map(\.description))
            } catch let error as TopographFailure where error.code == .unknownStage {
                throw InputError(diagnostics: [error.description])
            }
        }
    }
}
