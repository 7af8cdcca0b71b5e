import TopographModel
import TopographInput
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff

/// The emitters `topograph generate` runs, in order. Each id can be switched off in
/// `topograph.yml` (`outputs: [mermaid, svg]`).
package enum DocsEmitters {
    package static let all: [any DocsEmitter] = [
        MermaidDocsEmitter(),
        SVGDocsEmitter(),
        RunbookDocsEmitter(),
        LintDocsEmitter(),
        HTMLDocsEmitter(),
    ]

    package static var ids: [String] { all.map(\.id) }
}
