import Ink
import TopographModel

/// The parts of a runbook that are about one resource: its `###` sections (a load
/// balancer's commands, a service's ECS Exec shell, ...), each rendered to HTML with Ink.
/// A section is about a resource when its heading names it the way the templates do: its
/// label followed by the name in parentheses, or its id or AWS name as code.
struct RunbookSections {
    var source: String
    /// Where converted sections are kept between pages (`serve`), if anywhere.
    var html: PageReuse?

    /// Sections of `markdown` that name at least one of `resources`.
    func sections(of markdown: String, resources: [Resource], topology: String) -> [RunbookSectionData] {
        var result: [RunbookSectionData] = []
        // Each resource's spellings once, not once per section.
        let names = resources.map { ($0.id, Self.names($0, topology: topology)) }
        for section in Self.split(markdown) {
            let about = names.filter { Self.heading(section.heading, names: $0.1) }.map(\.0)
            guard !about.isEmpty else { continue }
            let convert = { (markdown: String) in MarkdownParser().html(from: Self.withoutBlockAttributes(markdown)) }
            let html = html?.sectionHTML(section.markdown, convert) ?? convert(section.markdown)
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

    /// How a heading (Markdown as the templates write it: values through `MarkdownText`)
    /// names a resource: its id, AWS name or `<topology>-<id>` as code, or its label.
    struct Names {
        var codes: [String]
        var label: String
    }

    static func names(_ resource: Resource, topology: String) -> Names {
        Names(codes: [resource.id, resource.name, "\(topology)-\(resource.id)"].map { MarkdownText.codeSpan($0) },
              label: MarkdownText.inline(resource.label))
    }

    /// Whether a heading names the resource: a code span of it anywhere, or the label as
    /// the whole heading or followed by ` (`.
    static func heading(_ heading: String, names: Names) -> Bool {
        if names.codes.contains(where: { heading.firstUTF8Range(of: $0) != nil }) { return true }
        return heading == names.label || heading.hasPrefix(names.label + " (")
    }
}
