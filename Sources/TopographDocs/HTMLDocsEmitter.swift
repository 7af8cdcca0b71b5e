import TopographModel
import TopographInput
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff
import TopographHTML

/// The interactive page of each topology (`<name>.html`: every stage, the migration's
/// changes, findings and runbook sections per resource), linked from both indexes.
package struct HTMLDocsEmitter: DocsEmitter {
    package let id = "html"

    package init() {}

    package static func fileName(_ topology: String) -> String { "\(topology).html" }

    package func files(for topology: LoadedTopology, context: DocsContext) throws -> [GeneratedFile] {
        let builder = HTMLPageBuilder(renderOptions: RenderOptions(graphviz: GraphvizOptions(icons: context.icons)))
        return [GeneratedFile(path: Self.fileName(topology.metadata.name), data: try builder.page(for: topology, source: context.source))]
    }

    package func indexSection(for topology: LoadedTopology, context: DocsContext) -> DocsIndexSection {
        let name = Self.fileName(topology.metadata.name)
        return DocsIndexSection(lines: [
            "Interactive page (every stage, the migration's changes, findings and runbook sections per resource; open it in a browser): "
                + "[\(MarkdownText.codeSpan(name))](\(LinkText.attributeSafe(name)))",
        ])
    }
}
