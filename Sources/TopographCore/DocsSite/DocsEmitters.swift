/// The emitters `topograph generate` runs, in order. Each id can be switched off in
/// `topograph.yml` (`outputs: [mermaid, svg]`).
public enum DocsEmitters {
    public static let all: [any DocsEmitter] = [
        MermaidDocsEmitter(),
        SVGDocsEmitter(),
        RunbookDocsEmitter(),
        LintDocsEmitter(),
    ]

    public static var ids: [String] { all.map(\.id) }
}
