import TopographModel
import TopographInput
import TopographDiff
import Foundation
import Yams

/// Reads CloudFormation templates (YAML or JSON, through Yams, short-form tags included),
/// follows nested stacks whose template is on disk, and reads `cdk.out` directories, into
/// one `IaCModel`. Intrinsic functions are resolved by `CloudFormationResolver`.
package final class CloudFormationLoader {
    package var limits: InputLimits
    /// The region `${AWS::Region}` renders as; a placeholder when nil.
    package var region: String?
    var warnings = DiagnosticBag()
    var exports: [String: IaCValue] = [:]
    var stacks: [CloudFormationStack] = []
    var nodesVisited = 0
    /// Every placeholder written, so drift tells them from a literal `<x>`.
    var placeholders = Placeholders()
    /// Bounds on resolution (depth, text, cycles, stacks); see `ResolutionGuard`.
    package let bounds: ResolutionGuard
    /// Where nested templates and assembly entries may be read from.
    package var containment: ReadContainment
    /// Nested stacks whose template is not on disk (on S3), reported in one warning.
    var unreadableNested: [(key: String, location: SourceLocation)] = []

    package init(limits: InputLimits = .default, region: String? = nil, importLimits: ImportLimits = .default, containment: ReadContainment = ReadContainment()) {
        self.limits = limits
        self.region = region
        self.bounds = ResolutionGuard(limits: importLimits)
        self.containment = containment
    }

    /// Files, or `cdk.out` directories (every stack of its `manifest.json`).
    package func load(paths: [String]) throws -> IaCModel {
        var files: [(path: String, stackName: String?, root: String)] = []
        for path in paths {
            switch FileKind.of(path) {
            case .missing:
                throw TopologyInputError([Diagnostic(.error, code: .unreadableFile, "\(path): no such file", at: nil, help: "give a CloudFormation template (.yaml, .json) or a cdk.out directory")])
            case .other:
                throw TopologyInputError([FileKind.refusal(path)])
            case .directory:
                let assembly = ReadContainment.realPath(path) ?? path
                files += try CDKAssembly.stackTemplates(in: path, containment: containment).map { ($0.path, $0.stackName, assembly) }
            case .regular:
                files.append((path, nil, ReadContainment.projectRoot(of: path)))
            }
        }
        // Outputs first (they only need names), so `Fn::ImportValue` works in any order.
        var keys: Set<String> = []
        for file in files {
            guard bounds.openStack(at: nil) else { break }
            let stack = try openStack(path: file.path, display: file.path, prefix: "", bindings: [:], depth: 0, stackName: file.stackName)
            stack.readRoot = file.root
            stack.chain = [ReadContainment.realPath(file.path) ?? file.path]
            // Two stacks may use the same logical ids (a blue and a green stack): the later
            // one's are keyed (and its ids named) by its stack name, so every resource stays itself.
            if !keys.isDisjoint(with: stack.logicalIDs) { disambiguate(stack, taken: keys) }
            keys.formUnion(stack.logicalIDs.map { stack.prefix + $0 })
            stacks.append(stack)
        }
        try bounds.check()
        for stack in stacks { collectExports(stack) }
        var resources: [IaCResource] = []
        for stack in stacks { resources += resolveResources(stack) }
        try bounds.check()
        let description = stacks.first.flatMap { stack in stack.root.field("Description").flatMap { node -> String? in
            if case .scalar(let scalar) = node { return scalar.string }
            return nil
        } }
        if let first = unreadableNested.first {
            let names = unreadableNested.map(\.key)
            let listed = names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", and \(names.count - 8) more" : "")
            warnings.warning(
                .nestedStackNotFound,
                "\(names.count) nested stack\(names.count == 1 ? "" : "s") not imported, \(names.count == 1 ? "its" : "their") template not on disk (TemplateURL is not a local file): \(listed)",
                at: first.location, help: "run the import on the packaged directory (cdk.out, or the folder `aws cloudformation package` reads); --strict makes this exit 1")
        }
        var model = IaCModel(resources: resources, sources: files.map(\.path), description: description, warnings: warnings.sorted, region: region)
        model.incomplete = !unreadableNested.isEmpty
        model.placeholders = placeholders
        return model
    }

    // MARK: - Stacks

    func openStack(path: String, display: String, prefix: String, bindings: [String: IaCValue], depth: Int, stackName: String?) throws -> CloudFormationStack {
        guard depth <= 8 else {
            throw TopologyInputError([Diagnostic(.error, code: .nestedTooDeep, "\(display): nested stacks go more than 8 levels deep", at: nil, help: "check for a stack that includes itself")])
        }
        let root = try Self.compose(path: path, display: display, limits: limits)
        guard case .mapping(let mapping) = root else {
            throw TopologyInputError([Diagnostic(.error, code: .notATemplate, "\(display): a CloudFormation template is a mapping with `Resources:`", at: location(root, display), help: "pass a CloudFormation template, a Terraform plan goes to `topograph import terraform`")])
        }
        guard let resourcesNode = mapping.field("Resources"), case .mapping(let resources) = resourcesNode else {
            throw TopologyInputError([Diagnostic(.error, code: .notATemplate, "\(display): no `Resources:` mapping", at: location(root, display), help: "a CloudFormation template declares its resources under `Resources:`")])
        }
        var diagnostics: [Diagnostic] = []
        var entries: [CloudFormationStack.Entry] = []
        for (key, value) in resources {
            let logicalID = key.scalar?.string ?? ""
            guard case .mapping(let body) = value, let typeNode = body.field("Type"), case .scalar(let type) = typeNode else {
                diagnostics.append(Diagnostic(.error, code: .invalidResource, "resource '\(logicalID)' has no `Type`", at: location(key, display), help: "every resource needs `Type: AWS::Service::Resource`"))
                continue
            }
            entries.append(.init(logicalID: logicalID, type: type.string, body: body, location: location(key, display)))
        }
        if !diagnostics.isEmpty { throw TopologyInputError(diagnostics) }
        let name = stackName ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let stack = CloudFormationStack(file: display, directory: URL(fileURLWithPath: path).deletingLastPathComponent().path, prefix: prefix, root: mapping, entries: entries, stackName: name, depth: depth)
        // Parameters: what the parent passed, else the default, else a placeholder.
        if let parameters = mapping.field("Parameters")?.fields {
            for (key, value) in parameters {
                guard let name = key.scalar?.string else { continue }
                if let bound = bindings[name] {
                    stack.parameters[name] = bound
                } else if let fallback = value.field("Default") {
                    stack.parameters[name] = resolve(fallback, in: stack)
                } else {
                    stack.parameters[name] = .text(placeholders.make(name), references: [])
                }
            }
        }
        return stack
    }

    static func compose(path: String, display: String, limits: InputLimits) throws -> Node {
        if FileKind.of(path) == .other { throw TopologyInputError([FileKind.refusal(display)]) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > limits.maxFileBytes {
            throw TopologyInputError([Diagnostic(.error, code: .inputTooLarge, "\(display): \(size) bytes; templates are limited to \(limits.maxFileBytes)", at: nil, help: "split the template")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TopologyInputError([Diagnostic(.error, code: .unreadableFile, "\(display): cannot be read", at: nil, help: "check the path and its permissions")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TopologyInputError([Diagnostic(.error, code: .invalidEncoding, "\(display): not valid UTF-8", at: SourceLocation(file: display, line: 1, column: 1), help: "save the template as UTF-8")])
        }
        if let problem = YAMLPrescan(file: display, limits: limits).check(text) { throw TopologyInputError([problem]) }
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw TopologyInputError([Diagnostic(.error, code: .emptyFile, "\(display): the file is empty", at: SourceLocation(file: display, line: 1, column: 1), help: "pass a CloudFormation template")])
            }
            return node
        } catch let error as YamlError {
            throw TopologyInputError([YAMLErrorTranslator(file: display, text: text).diagnostic(for: error)])
        }
    }

    /// A nested stack's child, opened once; nil (with a warning) when its template is not on disk.
    func child(_ logicalID: String, of stack: CloudFormationStack) -> CloudFormationStack? {
        if let child = stack.children[logicalID] { return child }
        guard !stack.opening.contains(logicalID), let entry = stack.entry(logicalID) else { return nil }
        stack.opening.insert(logicalID)
        defer { stack.opening.remove(logicalID) }
        let properties = entry.body.field("Properties")
        var candidates: [String] = []
        if let url = properties?.field("TemplateURL")?.scalar?.string, !url.contains("://") { candidates.append(url) }
        if let asset = entry.body.field("Metadata")?.field("aws:asset:path")?.scalar?.string { candidates.append(asset) }
        guard let file = candidates.map({ $0.hasPrefix("/") ? $0 : stack.directory + "/" + $0 }).first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            if !unreadableNested.contains(where: { $0.key == stack.prefix + logicalID }) {
                unreadableNested.append((stack.prefix + logicalID, entry.location))
            }
            return nil
        }
        guard let real = admitNested(file, entry: entry, of: stack) else { return nil }
        var bindings: [String: IaCValue] = [:]
        for (key, value) in properties?.field("Parameters")?.fields ?? [] {
            if let name = key.scalar?.string { bindings[name] = resolve(value, in: stack) }
        }
        do {
            let display = stack.file.contains("/") ? (URL(fileURLWithPath: stack.file).deletingLastPathComponent().path + "/" + URL(fileURLWithPath: file).lastPathComponent) : URL(fileURLWithPath: file).lastPathComponent
            let child = try openStack(path: file, display: display, prefix: stack.prefix + logicalID + "/", bindings: bindings, depth: stack.depth + 1, stackName: stack.stackName)
            child.readRoot = stack.readRoot
            child.idPrefix = stack.idPrefix
            child.chain = stack.chain + [real]
            stack.children[logicalID] = child
            return child
        } catch let error as TopologyInputError {
            warnings.append(contentsOf: error.diagnostics.map { var d = $0; d.severity = .warning; return d })
            return nil
        } catch {
            return nil
        }
    }

    func output(_ name: String, of child: CloudFormationStack) -> IaCValue? {
        if let cached = child.outputs[name] { return cached }
        guard let node = child.root.field("Outputs")?.field(name)?.field("Value") else { return nil }
        let value = bounds.visiting("Output\u{0}\(child.prefix)\u{0}\(name)", "output \(name)", at: location(node, child.file), otherwise: IaCValue.unknown("nested output")) {
            resolve(node, in: child)
        }
        child.outputs[name] = value
        return value
    }

    func collectExports(_ stack: CloudFormationStack) {
        for (key, value) in stack.root.field("Outputs")?.fields ?? [] {
            guard let name = key.scalar?.string, let exportName = value.field("Export")?.field("Name") else { continue }
            if let text = resolve(exportName, in: stack).text, let resolved = output(name, of: stack) { exports[text] = resolved }
        }
        for entry in stack.entries where entry.type == "AWS::CloudFormation::Stack" {
            if let child = child(entry.logicalID, of: stack) { collectExports(child) }
        }
    }

    func resolveResources(_ stack: CloudFormationStack) -> [IaCResource] {
        var result: [IaCResource] = []
        for entry in stack.entries {
            if entry.type == "AWS::CloudFormation::Stack" {
                if let child = child(entry.logicalID, of: stack) { result += resolveResources(child) }
                continue
            }
            var properties: [String: IaCValue] = [:]
            var locations: [String: SourceLocation] = [:]
            for (key, value) in entry.body.field("Properties")?.fields ?? [] {
                guard let name = key.scalar?.string else { continue }
                let resolved = resolve(value, in: stack)
                if resolved != .null { properties[name] = resolved }
                locations[name] = location(value, stack.file)
            }
            let cdkPath = entry.body.field("Metadata")?.field("aws:cdk:path")?.scalar?.string
            var resource = IaCResource(
                key: stack.prefix + entry.logicalID, logicalID: entry.logicalID, type: entry.type, properties: properties,
                location: entry.location, idHint: (stack.idPrefix.map { $0 + "-" } ?? "") + (cdkPath.map(CDKAssembly.idHint(fromPath:)) ?? entry.logicalID))
            resource.propertyLocations = locations
            result.append(resource)
        }
        return result
    }

    func location(_ node: Node, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }
}

/// One template being read: its resources by logical id, its parameters, and the nested
/// stacks opened from it. A class because nested stacks and outputs are opened lazily.
final class CloudFormationStack {
    struct Entry {
        var logicalID: String
        var type: String
        var body: Node.Mapping
        var location: SourceLocation
    }

    let file: String
    let directory: String
    var prefix: String
    /// The stack name that tells this stack's ids from another's with the same logical ids.
    var idPrefix: String?
    let root: Node.Mapping
    let entries: [Entry]
    let logicalIDs: Set<String>
    /// Logical id -> its entry, so a `!Ref` costs a lookup, not a scan (drift of 10,000 resources).
    let entryIndex: [String: Int]
    let stackName: String
    let depth: Int
    var parameters: [String: IaCValue] = [:]
    var children: [String: CloudFormationStack] = [:]
    var outputs: [String: IaCValue] = [:]
    var opening: Set<String> = []
    /// The folder what this stack points at must stay in (`ReadContainment`).
    var readRoot = ""
    /// Real paths of this template and the ones above it that nest it.
    var chain: [String] = []

    init(file: String, directory: String, prefix: String, root: Node.Mapping, entries: [Entry], stackName: String, depth: Int) {
        self.file = file
        self.directory = directory
        self.prefix = prefix
        self.root = root
        self.entries = entries
        self.logicalIDs = Set(entries.map(\.logicalID))
        self.entryIndex = Dictionary(entries.enumerated().map { ($0.element.logicalID, $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.stackName = stackName
        self.depth = depth
    }

    func entry(_ logicalID: String) -> Entry? { entryIndex[logicalID].map { entries[$0] } }

    func type(of logicalID: String) -> String? { entry(logicalID)?.type }
}
