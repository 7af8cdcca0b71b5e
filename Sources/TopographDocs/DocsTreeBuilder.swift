import Foundation
import TopographModel
import TopographInput
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff
import TopographHTML

/// Builds the whole docs tree for a set of topology files, in memory: per topology a
/// folder with every emitter's files and an `index.md`, plus a top `index.md`. Topologies
/// are processed in parallel; a topology that fails to load is reported with its
/// diagnostics and does not stop the others.
package struct DocsTreeBuilder: Sendable {
    package var emitters: [any DocsEmitter]
    /// The AWS icons SVG diagrams draw; the CLI passes the machine's installed icons unless
    /// `--icons` or `--no-icons` says otherwise.
    package var icons: IconSource

    package init(emitters: [any DocsEmitter] = DocsEmitters.all, icons: IconSource = .none) {
        self.emitters = emitters
        self.icons = icons
    }

    package struct Failure: Sendable {
        package var source: String
        package var diagnostics: [Diagnostic]
        package var message: String
    }

    package struct Tree: Sendable {
        /// Every file, sorted by path.
        package var files: [GeneratedFile]
        package var failures: [Failure]
        /// Folders of topologies that failed: their files on disk are left alone.
        package var protectedFolders: [String]
    }

    /// `sources` are paths as the user gave them; `base` is the folder generated files name
    /// them relative to (the configuration file's; see `SourcePath`), `anchor` the folder they
    /// are named from outside git (the tree's parent); `existing` reads a file
    /// already in the output tree (for keep blocks); `progress` is called after each topology.
    package func build(
        sources: [String], base: String? = nil, anchor: String? = nil, existing: @escaping @Sendable (String) -> String? = { _ in nil },
        progress: (@Sendable (Int, Int, String) -> Void)? = nil
    ) -> Tree {
        let results = Locked([Outcome?](repeating: nil, count: sources.count))
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let source = sources[index]
            let outcome = buildOne(source: source, base: base, anchor: anchor, existing: existing)
            results.withLock { $0[index] = outcome }
            let done = counter.withLock { count in
                count += 1
                return count
            }
            progress?(done, sources.count, source)
        }
        var files: [GeneratedFile] = []
        var failures: [Failure] = []
        var protected: [String] = []
        var folders: [String: String] = [:]
        var summaries: [TopologySummary] = []
        for index in sources.indices {
            switch results.withLock({ $0[index] }) {
            case .success(let built):
                if let other = folders[built.summary.folder] {
                    failures.append(Failure(
                        source: sources[index], diagnostics: [],
                        message: "\(sources[index]): topology name '\(built.summary.folder)' is also used by \(other); names must be unique within one docs tree"))
                    continue
                }
                folders[built.summary.folder] = sources[index]
                files += built.files
                summaries.append(built.summary)
            case .failure(let failed):
                failures.append(failed.failure)
                if let folder = failed.folder {
                    protected.append(folder)
                    // The row stays, marked, so a broken edit does not silently drop the
                    // architecture from the index while its old pages are still there.
                    summaries.append(TopologySummary(
                        folder: folder, title: folder, source: SourcePath.display(sources[index], base: base, anchor: anchor), description: nil,
                        stageNames: [], resourceCount: 0, extra: [], broken: true))
                }
            case nil:
                break
            }
        }
        files.append(topIndex(summaries, failures: failures))
        files.append(htmlIndex(summaries))
        files.sort { $0.path < $1.path }
        return Tree(files: files, failures: failures, protectedFolders: protected)
    }

    struct TopologySummary: Sendable {
        var folder: String
        var title: String
        var source: String
        var description: String?
        var stageNames: [String]
        var resourceCount: Int
        var extra: [String]
        /// The file does not load now; its folder keeps what the last good run wrote.
        var broken = false
    }

    struct Built: Sendable {
        var files: [GeneratedFile]
        var summary: TopologySummary
    }

    enum Outcome: Sendable {
        case success(Built)
        case failure(FailureWithFolder)
    }

    struct FailureWithFolder: Sendable {
        var failure: Failure
        var folder: String?
    }

    private func buildOne(source: String, base: String?, anchor: String?, existing: @escaping @Sendable (String) -> String?) -> Outcome {
        let topology: LoadedTopology
        let display = SourcePath.display(source, base: base, anchor: anchor)
        do {
            topology = try TopologyLoader().load(path: source, displayPath: display)
        } catch var error as TopologyInputError {
            // Generated files name the file canonically; the user is told the path they gave.
            for index in error.diagnostics.indices where error.diagnostics[index].location?.file == display {
                error.diagnostics[index].location?.file = source
            }
            // The folder the last good build went to, so a broken edit doesn't delete it.
            let folder = Self.guessName(source)
            return .failure(FailureWithFolder(failure: Failure(source: source, diagnostics: error.diagnostics, message: "\(source): invalid topology"), folder: folder))
        } catch {
            return .failure(FailureWithFolder(failure: Failure(source: source, diagnostics: [], message: "\(source): \(PlainError.describe(error))"), folder: nil))
        }
        let folder = topology.metadata.name
        let context = DocsContext(source: display, existing: { existing("\(folder)/\($0)") }, icons: icons)
        var files: [GeneratedFile] = []
        do {
            for emitter in emitters {
                files += try emitter.files(for: topology, context: context).map {
                    GeneratedFile(path: "\(folder)/\($0.path)", data: $0.data)
                }
            }
        } catch {
            return .failure(FailureWithFolder(failure: Failure(source: source, diagnostics: [], message: "\(source): \(PlainError.describe(error))"), folder: folder))
        }
        // Each emitter's index section once: the lint summary used to be computed twice.
        let sections = emitters.map { $0.indexSection(for: topology, context: context) }
        files.append(GeneratedFile(path: "\(folder)/index.md", text: topologyIndex(topology, sections: sections, context: context)))
        let summary = TopologySummary(
            folder: folder, title: topology.metadata.displayTitle, source: display, description: topology.metadata.description,
            stageNames: topology.document.stages.isEmpty ? [] : topology.stageNames,
            resourceCount: Set(topology.stages.flatMap { $0.resources.map(\.id) }).count,
            extra: sections.compactMap(\.summary))
        return .success(Built(files: files, summary: summary))
    }

    /// The `name:` of a file that does not load, read leniently, to protect its folder.
    static func guessName(_ source: String) -> String? {
        guard let text = try? String(contentsOfFile: source, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("name:") {
            let value = line.dropFirst(5).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return TopologyParser.isValidID(value) ? value : nil
        }
        return nil
    }

    func topologyIndex(_ topology: LoadedTopology, sections: [DocsIndexSection], context: DocsContext) -> String {
        let metadata = topology.metadata
        var lines = [GeneratedMarker.htmlComment(source: context.source), "# \(MarkdownText.inline(metadata.displayTitle))", ""]
        if let description = metadata.description?.trimmingCharacters(in: .whitespacesAndNewlines), !description.isEmpty {
            lines += [MarkdownText.block(description), ""]
        }
        lines += ["| | |", "|---|---|", "| Topology file | \(MarkdownText.codeSpan(context.source, inTable: true)) |",
                  "| Name | \(MarkdownText.codeSpan(metadata.name, inTable: true)) |"]
        if let region = metadata.region { lines.append("| Region | \(MarkdownText.codeSpan(region, inTable: true)) |") }
        if !topology.document.stages.isEmpty {
            lines.append("| Stages | " + topology.stageNames.map { "[\(MarkdownText.inline($0))](#\(Self.stageAnchor($0)))" }.joined(separator: " → ") + " |")
        }
        lines.append("")
        for section in sections where !section.lines.isEmpty {
            lines += section.lines + [""]
        }
        for stage in topology.stages {
            let heading = stage.stage.name == StageInfo.defaultName ? "Diagram" : "Stage \(stage.stage.name)"
            if stage.stage.name != StageInfo.defaultName {
                lines.append("<a id=\"\(Self.stageAnchor(stage.stage.name))\"></a>")
            }
            lines.append("## \(MarkdownText.inline(heading))" + (stage.stage.title.map { ": \(MarkdownText.inline($0))" } ?? ""))
            lines.append("")
            if let description = stage.stage.description?.trimmingCharacters(in: .whitespacesAndNewlines), !description.isEmpty {
                lines += [MarkdownText.block(description), ""]
            }
            lines.append("\(stage.resources.count) resources, \(stage.connections.count) connections.")
            lines.append("")
            for emitter in emitters {
                let extra = emitter.stageIndexLines(for: stage, context: context)
                if !extra.isEmpty { lines += extra + [""] }
            }
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }

    func topIndex(_ summaries: [TopologySummary], failures: [Failure]) -> GeneratedFile {
        var lines = [
            "<!-- \(GeneratedMarker.phrase) from \(summaries.count) topology file\(summaries.count == 1 ? "" : "s"); regenerate with `topograph generate` instead of editing this file -->",
            "# Architecture", "",
        ]
        if summaries.isEmpty {
            lines.append("No topology could be generated.")
        } else {
            lines += ["| Architecture | Stages | Resources | Source |", "|---|---|---|---|"]
            for summary in summaries.sorted(by: { $0.folder < $1.folder }) {
                if summary.broken {
                    lines.append("| [\(MarkdownText.inline(summary.title))](\(LinkText.attributeSafe(summary.folder))/index.md) (**broken**: the topology has errors; `topograph validate` shows them; these pages are from the last good run) | — | — | \(MarkdownText.codeSpan(summary.source, inTable: true)) |")
                    continue
                }
                let stages = summary.stageNames.isEmpty ? "—" : summary.stageNames.map(MarkdownText.inline).joined(separator: ", ")
                let extra = summary.extra.isEmpty ? "" : " (" + summary.extra.map(MarkdownText.inline).joined(separator: "; ") + ")"
                lines.append("| [\(MarkdownText.inline(summary.title))](\(LinkText.attributeSafe(summary.folder))/index.md)\(extra) | \(stages) | \(summary.resourceCount) | \(MarkdownText.codeSpan(summary.source, inTable: true)) |")
            }
        }
        return GeneratedFile(path: "index.md", text: lines.joined(separator: "\n") + "\n")
    }

    /// `index.html`: the same rows, linking to each topology's interactive page (or to its
    /// index.md when the tree has no pages), to open from disk or any static host.
    func htmlIndex(_ summaries: [TopologySummary]) -> GeneratedFile {
        let pages = emitters.contains { $0 is HTMLDocsEmitter }
        let rows = summaries.sorted(by: { $0.folder < $1.folder }).map { summary in
            HTMLIndexPage.Row(
                title: summary.title, link: "\(summary.folder)/" + (pages ? HTMLDocsEmitter.fileName(summary.folder) : "index.md"),
                source: summary.source, stages: summary.stageNames, resources: summary.resourceCount,
                lint: summary.extra.isEmpty ? nil : summary.extra.joined(separator: "; "), broken: summary.broken)
        }
        return GeneratedFile(path: "index.html", text: HTMLIndexPage(rows: rows).html)
    }

    /// The HTML id of a stage's section. Stage names hold only letters, digits, `.`, `_`
    /// and `-` (the parser refuses others), so the id needs no escaping; lowercased because
    /// stage names are unique regardless of case.
    static func stageAnchor(_ stageName: String) -> String {
        "stage-" + stageName.lowercased()
    }
}
