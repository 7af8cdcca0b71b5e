import Ink
import TopographModel

/// The parts of a runbook that are about one resource: its `###` sections (a load
/// balancer's commands, a service's ECS Exec shell, ...), each rendered to HTML with Ink.
/// A section is about a resource when its heading names it the way the templates do: its
/// label followed by the name in parentheses, or its id or AWS name as code.
struct RunbookSections {
    var source: String

    /// Sections of `markdown` that name at least one of `resources`.
    func sections(of markdown: String, resources: [Resource], topology: String) -> [RunbookSectionData] {
        var result: [RunbookSectionData] = []
        for section in Self.split(markdown) {
            let about = resources.filter { Self.heading(section.heading, names: $0, topology: topology) }.map(\.id)
            guard !about.isEmpty else { continue }
            let html = MarkdownParser().html(from: Self.withoutBlockAttributes(section.markdown))
            result.append(RunbookSectionData(source: source, heading: section.heading, html: html, resources: about))
        }
        return result
    }

    /// The fences' info strings without their runner attributes (`bash { name=v2-lb-alb }`
    /// -> `bash`): Ink would put them into a class name, and without the stage's prefix in
    /// them the same section of every stage is stored once (a 100-resource, 3-stage page
    /// held each section three times over 1 MB).
    static func withoutBlockAttributes(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let indent = line.prefix { $0 == " " }
            let rest = line.dropFirst(indent.count)
            guard rest.hasPrefix("```") || rest.hasPrefix("~~~"), let brace = rest.firstIndex(of: "{"), rest.hasSuffix("}") else { return String(line) }
            var info = rest[..<brace]
            while info.last == " " { info = info.dropLast() }
            return String(indent + info)
        }.joined(separator: "\n")
    }

    struct Section {
        /// The heading's text as written (Markdown, without the `###`).
        var heading: String
        var markdown: String
    }

    /// The `###` sections, each up to the next `##` or `###` heading; `#` lines inside
    /// fenced code (shell comments) are not headings.
    static func split(_ markdown: String) -> [Section] {
        var sections: [Section] = []
        var current: Section?
        var fence: String?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
            } else if line.hasPrefix("## ") || line.hasPrefix("### ") {
                if let done = current { sections.append(done) }
                current = line.hasPrefix("### ") ? Section(heading: String(line.dropFirst(4)), markdown: "") : nil
            }
            if current != nil { current!.markdown += line + "\n" }
        }
        if let done = current { sections.append(done) }
        return sections
    }

    /// Whether a heading (Markdown as the templates write it: values through
    /// `MarkdownText`) names `resource`.
    static func heading(_ heading: String, names resource: Resource, topology: String) -> Bool {
        let codes = [resource.id, resource.name, "\(topology)-\(resource.id)"].map { MarkdownText.codeSpan($0) }
        if codes.contains(where: { heading.contains($0) }) { return true }
        let label = MarkdownText.inline(resource.label)
        return heading == label || heading.hasPrefix(label + " (")
    }
}
