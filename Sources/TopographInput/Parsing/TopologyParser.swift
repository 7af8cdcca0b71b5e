import Foundation
import Yams
import TopographModel

/// YAML text -> `TopologyDocument`. The only place that sees Yams: everything after it
/// works on our own model, whose every piece carries the `SourceLocation` it came from.
///
/// The parser checks shape (which keys exist, what is a mapping or a list, id syntax);
/// what the values mean (kinds, attribute types, references) is the validator's job,
/// because a stage's `change:` can alter them.
package struct TopologyParser: Sendable {
    package var limits: InputLimits
    /// Files from this size on are composed in pieces, one per core (`readInPieces`); below
    /// it, threads cost more than they save.
    package var piecesFromBytes = 256 * 1024
    package var pieceCount = min(ProcessInfo.processInfo.activeProcessorCount, 8)

    package init(limits: InputLimits = .default) {
        self.limits = limits
    }

    static let topLevelKeys = [
        "topograph", "name", "title", "description", "region", "account", "resources", "connections", "stages", "lint", "drift",
    ]
    static let stageKeys = ["name", "title", "description", "add", "change", "remove"]
    static let stageAddKeys = ["resources", "connections"]
    static let connectionKeys = ["from", "to", "label", "port", "protocol", "via", "notes"]

    /// Ids: lowercase letters, digits and dashes, starting with a letter.
    package static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A valid id close to `id`, to suggest when `id` is not one.
    package static func slug(_ id: String) -> String {
        var result = ""
        for scalar in id.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, result.last != "-" {
                result += "-"
            }
        }
        while result.last == "-" { result.removeLast() }
        if let first = result.unicodeScalars.first, !("a"..."z").contains(first) { result = "r-" + result }
        return result.isEmpty ? "resource" : result
    }

    package func parse(contentsOf path: String, displayPath: String? = nil) throws -> TopologyDocument {
        let file = displayPath ?? path
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > limits.maxFileBytes {
            throw TopologyInputError([tooLarge(file: file, size: size)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let message = !exists ? "no such file" : isDirectory.boolValue ? "is a directory, not a topology file" : "cannot be read"
            throw TopologyInputError([Diagnostic(
                .error, code: .unreadableFile, "\(file): \(message)", at: nil,
                help: exists ? "pass the path of a .yaml topology file" : "check the path; run `topograph validate --help` for usage")])
        }
        return try parse(data: data, file: file)
    }

    package func parse(data: Data, file: String) throws -> TopologyDocument {
        if data.count > limits.maxFileBytes { throw TopologyInputError([tooLarge(file: file, size: data.count)]) }
        guard let text = String(validating: data, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8Offset(data)
            let (line, column) = Self.lineAndColumn(ofByte: offset, in: data)
            throw TopologyInputError([Diagnostic(
                .error, code: .invalidEncoding, "the file is not valid UTF-8",
                at: SourceLocation(file: file, line: line, column: column),
                help: "save the file as UTF-8")])
        }
        return try parse(text: text, file: file)
    }

    package func parse(text: String, file: String) throws -> TopologyDocument {
        // Editors on Windows save UTF-8 with a byte order mark; YAML allows one at the start.
        if text.hasPrefix("\u{FEFF}") { return try parse(text: String(text.dropFirst()), file: file) }
        if text.utf8.count > limits.maxFileBytes { throw TopologyInputError([tooLarge(file: file, size: text.utf8.count)]) }
        if let problem = YAMLPrescan(file: file, limits: limits).check(text) {
            throw TopologyInputError([problem])
        }
        if text.utf8.count >= piecesFromBytes, let document = readInPieces(text, file: file, pieces: pieceCount) {
            return document
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Self.resolver)
        } catch let error as YamlError {
            throw TopologyInputError([YAMLErrorTranslator(file: file, text: text).diagnostic(for: error)])
        }
        guard let root else {
            throw TopologyInputError([Diagnostic(
                .error, code: .emptyFile, "the file is empty",
                at: SourceLocation(file: file, line: 1, column: 1),
                help: "start with `topograph: 1`, a `name:` and `resources:`; see Docs/format.md")])
        }
        var reader = DocumentReader(file: file, limits: limits, sourceBytes: text.utf8.count)
        let document = reader.read(root)
        guard !reader.bag.hasErrors, let document else {
            throw TopologyInputError(reader.bag.diagnostics)
        }
        return document
    }

    /// No regex rules: scalars are typed by `ScalarType` (YAML 1.2 core schema), which is
    /// an order of magnitude faster than Yams' regex resolver on large files.
    static let resolver: Resolver = .basic

    private func tooLarge(file: String, size: Int) -> Diagnostic {
        Diagnostic(
            .error, code: .inputTooLarge,
            "the file is \(size) bytes; topology files are limited to \(limits.maxFileBytes) bytes",
            at: SourceLocation(file: file, line: 1, column: 1),
            help: "split the architecture into several topology files")
    }

    static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                consumed = offset
            case .emptyInput:
                return consumed
            case .error:
                return consumed
            }
        }
    }

    static func lineAndColumn(ofByte offset: Int, in data: Data) -> (Int, Int) {
        let prefix = data.prefix(offset)
        let line = prefix.filter { $0 == 0x0A }.count + 1
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: data[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }
}
