import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographRunbooks
import TopographTestSupport

/// The templates against the typed contexts: rendering every template in a strict mode (a
/// walk of its tags over the real contexts of the corpus) fails when a template names a key
/// the model lacks; every context type's documented fields are exactly its stored ones; and
/// the variable table in Docs/runbooks.md is the one generated from the models.
@Suite("Runbook contexts")
struct RunbookContextTests {
    static func contexts() throws -> [(String, Any)] {
        let directory = Fixtures.repositoryFile("Tests/Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { directory.appendingPathComponent($0).path } + Fixtures.examples.map(\.path)
        var result: [(String, Any)] = []
        for file in files {
            let loaded = try TopologyLoader().load(path: file, displayPath: (file as NSString).lastPathComponent)
            for stage in loaded.stages { result.append(("stage", RunbookBuilder().context(for: stage))) }
            for (old, new) in zip(loaded.stages, loaded.stages.dropFirst()) { result.append(("migration", MigrationBuilder().context(from: old, to: new))) }
        }
        return result
    }

    /// A tag of a template: its sigil (`#`, `^`, `/`, `>`, or none) and its name.
    struct Tag { var sigil: String; var name: String }

    static func tags(_ template: String) -> [Tag] {
        // `{{=<% %>=}} ... <%={{ }}=%>` (a literal `{{.Names}}` for docker) is not tags.
        let text = template.replacingOccurrences(of: #"\{\{=<% %>=\}\}.*?<%=\{\{ \}\}=%>"#, with: "", options: .regularExpression)
        let pattern = try! NSRegularExpression(pattern: #"\{\{(\{?)([#^/>!&]?)\s*([^}]*?)\s*\}?\}\}"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            let sigil = String(text[Range(match.range(at: 2), in: text)!])
            var name = String(text[Range(match.range(at: 3), in: text)!])
            if sigil == "!" { return nil }
            if let open = name.firstIndex(of: "("), name.hasSuffix(")") { name = String(name[name.index(after: open)..<name.index(before: name.endIndex)]) }
            return Tag(sigil: sigil, name: name)
        }
    }

    static func child(_ value: Any, _ name: String) -> Any? {
        var current: Any? = value
        for part in name.split(separator: ".") {
            guard let object = current else { return nil }
            if part == "-last" || part == "-first" { return true }
            guard let found = Mirror(reflecting: object).children.first(where: { $0.label == String(part) })?.value else { return nil }
            let mirror = Mirror(reflecting: found)
            current = mirror.displayStyle == .optional ? mirror.children.first?.value : found
            if mirror.displayStyle == .optional && current == nil { return Optional<Any>.none as Any }
        }
        return current
    }

    static func resolve(_ name: String, in stack: [Any]) -> (found: Bool, value: Any?) {
        if name == "." || name == "-last" || name == "-first" { return (true, stack.last) }
        for object in stack.reversed() {
            let first = String(name.split(separator: ".").first ?? "")
            if Mirror(reflecting: object).children.contains(where: { $0.label == first }) {
                return (true, child(object, name))
            }
        }
        return (false, nil)
    }

    /// Walks `template` over `stack`; records every tag name not found and every tag seen.
    static func walk(_ name: String, stack: [Any], templates: [String: String], missing: inout Set<String>, seen: inout Set<String>) {
        let tags = Self.tags(templates[name] ?? "")
        var index = 0
        func section(_ stack: [Any], until end: String) {
            while index < tags.count {
                let tag = tags[index]
                index += 1
                switch tag.sigil {
                case "/":
                    if tag.name == end { return }
                case ">":
                    walk(tag.name, stack: stack, templates: templates, missing: &missing, seen: &seen)
                case "#", "^":
                    let (found, value) = resolve(tag.name, in: stack)
                    if !found { missing.insert("\(name): \(tag.name)") } else { seen.insert("\(name): \(tag.sigil)\(tag.name)") }
                    var scopes: [[Any]] = []
                    if found {
                        if tag.sigil == "#" {
                            switch value {
                            case let array as [Any]: scopes = array.map { stack + [$0] }
                            case let bool as Bool: scopes = bool ? [stack] : []
                            case .none: scopes = []
                            case let some?:
                                let mirror = Mirror(reflecting: some)
                                if mirror.displayStyle == .optional && mirror.children.isEmpty { scopes = [] }
                                else if some is String { scopes = (some as! String).isEmpty ? [] : [stack] }
                                else { scopes = [stack + [some]] }
                            }
                        } else if let array = value as? [Any] {
                            // `{{^empty(list)}}` renders when the list has items, in the same scope.
                            scopes = array.isEmpty ? [] : [stack]
                        } else {
                            scopes = [stack]
                        }
                    }
                    let start = index
                    if scopes.isEmpty { skip(until: tag.name) }
                    for scope in scopes {
                        index = start
                        section(scope, until: tag.name)
                    }
                default:
                    let (found, _) = resolve(tag.name, in: stack)
                    if !found { missing.insert("\(name): \(tag.name)") } else { seen.insert("\(name): \(tag.name)") }
                }
            }
        }
        func skip(until end: String) {
            var depth = 0
            while index < tags.count {
                let tag = tags[index]
                index += 1
                if tag.sigil == "#" || tag.sigil == "^" { depth += 1 }
                if tag.sigil == "/" { if depth == 0 && tag.name == end { return }; depth -= 1 }
            }
        }
        section(stack, until: "")
    }

    @Test("every template tag names a field of the model (strict mode over the corpus)")
    func strictRendering() throws {
        let templates = RunbookTemplates.texts
        var missing: Set<String> = []
        var seen: Set<String> = []
        for (template, context) in try Self.contexts() {
            Self.walk(template, stack: [context], templates: templates, missing: &missing, seen: &seen)
        }
        #expect(missing.isEmpty, "template tags naming no field: \(missing.sorted())")
        // Every tag of every template was checked by some corpus context: none only looks fine
        // because its section never opened.
        var all: Set<String> = []
        for (name, text) in templates {
            for tag in Self.tags(text) where tag.sigil != "/" && tag.sigil != ">" { all.insert("\(name): \(tag.sigil == "#" || tag.sigil == "^" ? tag.sigil : "")\(tag.name)") }
        }
        let unchecked = all.subtracting(seen).filter { !$0.hasSuffix(": .") && !$0.contains("-last") }
        #expect(unchecked.isEmpty, "tags no corpus runbook reaches: \(unchecked.sorted())")
    }

    @Test("a misspelt key fails the strict walk")
    func strictModeCatchesATypo() throws {
        var templates = RunbookTemplates.texts
        templates["stage"] = "{{nmae}} {{title}}"
        var missing: Set<String> = []
        var seen: Set<String> = []
        let context = try Self.contexts()[0].1
        Self.walk("stage", stack: [context], templates: templates, missing: &missing, seen: &seen)
        #expect(missing == ["stage: nmae"])
    }

    @Test("each context type documents exactly its fields")
    func fieldDocsMatchTheModels() throws {
        var instances: [String: Any] = [:]
        func collect(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            if value is any RunbookSectionContext { instances[String(describing: type(of: value))] = value }
            for child in mirror.children { collect(child.value) }
        }
        for (_, context) in try Self.contexts() { collect(context) }
        for type in RunbookContexts.all {
            let name = String(describing: type)
            let instance = try #require(instances[name], "no corpus runbook has a \(name)")
            let fields = Mirror(reflecting: instance).children.compactMap(\.label)
            #expect(fields == type.fieldDocs.map(\.key), "\(name): fields \(fields) vs documented \(type.fieldDocs.map(\.key))")
        }
    }

    @Test("Docs/runbooks.md's variable table is generated from the models")
    func docsTableIsFresh() throws {
        let url = Fixtures.repositoryFile("Docs/runbooks.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let generated = RunbookContexts.markdownTable()
        let begin = "<!-- topograph:context-table -->\n", end = "<!-- /topograph:context-table -->"
        if ProcessInfo.processInfo.environment["TOPOGRAPH_UPDATE_DOCS"] == "1", let start = text.range(of: begin), let stop = text.range(of: end) {
            try (text[..<start.upperBound] + generated + text[stop.lowerBound...]).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(text.contains(begin + generated + end), "Docs/runbooks.md's table is stale: run TOPOGRAPH_UPDATE_DOCS=1 swift test --filter RunbookContextTests")
    }
}
