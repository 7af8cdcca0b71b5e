import TopographModel
import TopographInput
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff

/// Something that contributes files for one topology to a docs tree: the diagrams, the
/// runbooks, the lint summary. `DocsTreeBuilder` asks each registered emitter in turn;
/// adding an output to `topograph generate` is adding an emitter to `DocsEmitters.all`.
package protocol DocsEmitter: Sendable {
    /// A short id used in `topograph.yml`'s `outputs:` list (`mermaid`, `svg`, `runbooks`).
    var id: String { get }
    /// Files for `topology`, with paths relative to the topology's own folder.
    func files(for topology: LoadedTopology, context: DocsContext) throws -> [GeneratedFile]
    /// What this emitter adds to the topology's index page, computed once per topology.
    func indexSection(for topology: LoadedTopology, context: DocsContext) -> DocsIndexSection
    /// Lines this emitter adds to the stage's section of the index page.
    func stageIndexLines(for stage: StageTopology, context: DocsContext) -> [String]
}

extension DocsEmitter {
    package func indexSection(for topology: LoadedTopology, context: DocsContext) -> DocsIndexSection { DocsIndexSection() }
    package func stageIndexLines(for stage: StageTopology, context: DocsContext) -> [String] { [] }
}

/// An emitter's part of a topology's index page: Markdown lines for that page, and a short
/// summary for the topology's row on the top index (`lint: 0 errors, 2 warnings`).
package struct DocsIndexSection: Sendable, Equatable {
    package var lines: [String]
    package var summary: String?

    package init(lines: [String] = [], summary: String? = nil) {
        self.lines = lines
        self.summary = summary
    }
}

/// What every emitter needs to know about the tree being built.
package struct DocsContext: Sendable {
    /// The topology file as written in the marker and the index (a path relative to the
    /// working directory, so the tree is the same on every machine).
    package var source: String
    /// Existing files of the tree, relative to the output directory, for carrying over
    /// hand-written `keep` blocks.
    package var existing: @Sendable (String) -> String?
    /// Where the SVG diagrams' AWS icons come from (none in the library's default).
    package var icons: IconSource

    package init(source: String, existing: @escaping @Sendable (String) -> String? = { _ in nil }, icons: IconSource = .none) {
        self.source = source
        self.existing = existing
        self.icons = icons
    }
}
