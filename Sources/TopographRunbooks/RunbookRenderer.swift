import Foundation
import Mustache
import TopographModel
import TopographDiff

/// Renders runbook contexts with Mustache templates: the defaults embedded from
/// `templates/runbook/`, each replaceable by a file of the same name in `--templates DIR`.
/// Output is Markdown with shell commands: every `{{value}}` is escaped for where it lands
/// (prose, code span or fence) by `MarkdownTemplateEscaping`, never HTML-escaped.
package struct RunbookRenderer: Sendable {
    private let library: MustacheLibrary

    package struct TemplateError: TopographError {
        package var code: TopographErrorCode { .invalidTemplate }
        package var description: String
    }

    package init(overrides directory: String? = nil) throws {
        var sources = RunbookTemplates.texts
        if let directory {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            guard FileManager.default.fileExists(atPath: directory) else {
                throw TemplateError(description: "\(directory): no such template directory")
            }
            for file in files.sorted() where file.hasSuffix(".mustache") {
                let name = String(file.dropLast(".mustache".count))
                guard sources[name] != nil else {
                    let hint = Suggestions.didYouMean(name, in: sources.keys.sorted()).map { "; \($0)" } ?? ""
                    throw TemplateError(description: "\(directory)/\(file): no default template is named '\(name)'\(hint); names: \(sources.keys.sorted().joined(separator: ", "))")
                }
                sources[name] = try String(contentsOfFile: (directory as NSString).appendingPathComponent(file), encoding: .utf8)
            }
        }
        MarkdownTemplateEscaping.register()
        var library = MustacheLibrary()
        for (name, text) in sources {
            do {
                try library.register("{{% CONTENT_TYPE: \(MarkdownTemplateEscaping.contentTypeName)}}" + text, named: name)
            } catch {
                throw TemplateError(description: "template '\(name)': \(error)")
            }
        }
        self.library = library
    }

    package static var templateNames: [String] { RunbookTemplates.all.keys.sorted() }

    package func render(_ context: some RunbookSectionContext, template: String) throws -> String {
        guard let text = library.render(MustacheFields.reading(context) as Any, withTemplate: template) else {
            throw TemplateError(description: "no template named '\(template)'")
        }
        return Self.tidy(MarkdownTemplateEscaping.finish(text))
    }

    /// Mustache sections leave blank lines where they render nothing; more than one blank
    /// line in a row is never meant.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = 0
        var inCode = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle() }
            if !inCode && line.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) {
                blank += 1
                if blank > 1 { continue }
            } else {
                // A heading always stands apart from what comes before it.
                if !inCode, line.hasPrefix("#"), blank == 0, let last = lines.last, !last.isEmpty { lines.append("") }
                blank = 0
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }
}
