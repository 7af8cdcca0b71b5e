import Foundation
import TopographModel
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff

/// Builds the interactive page of one topology: every stage drawn by Graphviz (the same
/// SVG `render --format svg` writes, laid out as one group so resources keep their
/// places), the diff into each stage, lint findings and the runbook sections about each
/// resource, in one self-contained HTML file (see `HTMLPageDocument`).
package struct HTMLPageBuilder: Sendable {
    package var renderOptions: RenderOptions
    /// Where a finding's rule id links to.
    package var rulesURL: String
    /// A script the page also runs (`serve`'s live reload); it goes under the CSP too.
    package var extraScript: String?
    /// What a builder that renders the same topologies again (`serve`) keeps between
    /// pages: the parsed runbook templates and the HTML of runbook sections seen before.
    package var reuse: PageReuse?

    package init(renderOptions: RenderOptions = RenderOptions(), rulesURL: String = SARIFLintReporter.defaultRulesURL, extraScript: String? = nil, reuse: PageReuse? = nil) {
        self.renderOptions = renderOptions
        self.rulesURL = rulesURL
        self.extraScript = extraScript
        self.reuse = reuse
    }

    /// The page's bytes. `source` is the topology file as the page names it; `errors` are
    /// shown above the drawing (`serve`: the file no longer loads, this is the last good one).
    package func page(for topology: LoadedTopology, source: String, errors: [String] = []) throws -> Data {
        var options = renderOptions
        options.stageGroup = topology.stages
        let renderer = StageRenderer(options: options)
        // The drawings (Graphviz) and the runbooks (templates, then Markdown to HTML) need
        // nothing of each other and each is about half the work: one per core.
        let parts = PageParts()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                parts.drawings = Result {
                    var icons = IconDefinitions()
                    let drawings = try topology.stages.enumerated().map { index, stage in
                        let rendered = try renderer.render(stage, format: .svg)
                        let resources = Dictionary(stage.resources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                        return StageSVG(svg: rendered.data, stageIndex: index + 1, resources: resources, icons: &icons)
                    }
                    return (drawings, icons)
                }
            } else {
                parts.runbooks = Result { try runbookSections(topology) }
            }
        }
        let (drawings, icons) = try parts.drawings.get()
        let data = try pageData(topology, source: source, drawn: drawings.map(\.drawn), runbooks: try parts.runbooks.get())
        let document = HTMLPageDocument(
            title: topology.metadata.displayTitle, marker: GeneratedMarker.htmlComment(source: source),
            stages: topology.stages.map { ($0.stage.name, $0.stage.title) }, drawings: drawings.map(\.markup),
            icons: icons.markup, data: data, extraScript: extraScript, errors: errors)
        return Data(document.html.utf8)
    }

    /// Per stage, the runbook sections about its resources: those of the migration runbook
    /// into it first, then those of its own runbook.
    func runbookSections(_ topology: LoadedTopology) throws -> [[RunbookSectionData]] {
        let runbooks = RunbookSet(renderer: try reuse?.runbookRenderer() ?? RunbookRenderer())
        let html = reuse
        return try topology.stages.enumerated().map { index, stage in
            var found = RunbookSections(source: "runbook", html: html).sections(
                of: try runbooks.stageRunbook(stage), resources: stage.resources, topology: topology.metadata.name)
            if index > 0 {
                found = RunbookSections(source: "migration", html: html).sections(
                    of: try runbooks.migrationRunbook(from: topology.stages[index - 1], to: stage), resources: stage.resources,
                    topology: topology.metadata.name) + found
            }
            return found
        }
    }

    /// The page of a file that has never loaded: its errors, and `extraScript`.
    package func errorPage(title: String, errors: [String]) -> Data {
        Data(HTMLPageDocument.errorPage(title: title, errors: errors, extraScript: extraScript).utf8)
    }

    func pageData(_ topology: LoadedTopology, source: String, drawn: [Set<String>], runbooks: [[RunbookSectionData]]) throws -> PageData {
        let report = Linter().lint(topology)
        var stages: [StageData] = []
        var sections: [RunbookSectionData] = []
        var sectionIndex: [RunbookSectionData: Int] = [:]
        func indexes(_ found: [RunbookSectionData]) -> [Int] {
            found.map { section in
                if let known = sectionIndex[section] { return known }
                sections.append(section)
                sectionIndex[section] = sections.count - 1
                return sections.count - 1
            }
        }
        for (index, stage) in topology.stages.enumerated() {
            let previous = index > 0 ? topology.stages[index - 1] : nil
            let findings = report.findings.filter { $0.stages.isEmpty || $0.stages.contains(stage.stage.name) }.map {
                FindingData(rule: $0.ruleID, severity: $0.severity.rawValue, message: $0.message, resource: $0.resourceID,
                            line: $0.location.line, column: $0.location.column)
            }
            stages.append(StageData(
                name: stage.stage.name, title: stage.stage.title, description: stage.stage.description,
                order: stage.resources.map(\.id),
                resources: Dictionary(stage.resources.map { ($0.id, resourceData($0, in: stage, drawn: drawn[index].contains($0.id))) }, uniquingKeysWith: { first, _ in first }),
                connections: stage.connections.map { ConnectionData(from: $0.from, to: $0.to, label: $0.displayLabel) },
                changes: previous.map { changes(from: $0, to: stage) },
                findings: findings, runbook: indexes(runbooks[index])))
        }
        let found = Set(report.findings.map(\.ruleID))
        var rules: [String: RuleData] = [:]
        for rule in LintRegistry.allDescriptions where found.contains(rule.id) {
            rules[rule.id] = RuleData(name: rule.name, summary: rule.summary, fix: rule.fix)
        }
        return PageData(title: topology.metadata.displayTitle, source: source, rulesURL: rulesURL, stages: stages, rules: rules, sections: sections)
    }

    private static let structural: Set<String> = ["kind", "label", "in", "links", "notes"]

    func resourceData(_ resource: Resource, in stage: StageTopology, drawn: Bool) -> ResourceData {
        let attributes = resource.attributeNames.filter { !Self.structural.contains($0) }.map { name in
            [name, resource.fields[name].map { $0.scalarText ?? $0.description } ?? ""]
        }
        return ResourceData(
            id: resource.id, kind: resource.kind.rawValue, kindTitle: KindCatalog.spec(resource.kind)?.title ?? resource.kind.rawValue,
            label: resource.label, name: resource.name, path: stage.ancestors(of: resource.id).map(\.id).reversed(),
            subnets: resource.subnets, zones: resource.zones, attributes: attributes, links: resource.links,
            notes: resource.notes, drawn: drawn)
    }

    func changes(from old: StageTopology, to new: StageTopology) -> ChangesData {
        let diff = TopologyDiffer().diff(old: old, new: new)
        func text(_ value: AttributeValue?) -> String { value.map { $0.scalarText ?? $0.description } ?? "" }
        let resources = diff.resources.map { change in
            let resource = change.kind == .removed ? old.resource(change.id) : new.resource(change.id)
            return ResourceChangeData(
                change: change.kind.rawValue, id: change.id, kind: change.resourceKind.rawValue, label: resource?.label ?? change.id,
                oldID: change.oldID, oldParent: change.oldParent, newParent: change.newParent,
                attributes: change.kind == .added || change.kind == .removed ? [] : change.attributes.map { [$0.path, text($0.old), text($0.new)] })
        }
        let connections = diff.connections.map {
            ConnectionChangeData(change: $0.kind.rawValue, from: $0.from, to: $0.to, label: ($0.new ?? $0.old)?.displayLabel)
        }
        return ChangesData(from: old.stage.name, resources: resources, connections: connections)
    }
}
