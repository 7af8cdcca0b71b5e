import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TopographModel
import TopographInput
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff

/// Turns what the user named (files, directories, glob patterns) into the list of
/// topology files, sorted so the docs tree never depends on directory order.
package enum DocsInputs {
    package static func resolve(_ patterns: [String]) throws -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        for pattern in patterns {
            var matches: [String]
            if pattern.contains("*") || pattern.contains("?") || pattern.contains("[") {
                // A pattern such as docs/**/*.yaml also catches other YAML files (CI
                // workflows, configs): keep only the ones that are topologies.
                matches = glob(pattern).filter(isTopologyFile)
                if matches.isEmpty {
                    throw DocsInputError(message: "'\(pattern)' matches no topology file (YAML with `topograph:` at the top level)")
                }
            } else {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: pattern, isDirectory: &isDirectory) else {
                    throw DocsInputError(message: "\(pattern): no such file or directory")
                }
                matches = isDirectory.boolValue ? topologyFiles(under: pattern) : [pattern]
            }
            for match in matches.sorted() where seen.insert(match).inserted {
                result.append(match)
            }
        }
        return result
    }

    /// YAML files under `directory` whose text declares `topograph:` at the top level.
    /// Hidden folders and build folders are skipped.
    package static func topologyFiles(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") || name == "node_modules" {
                enumerator.skipDescendants()
                continue
            }
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), name != DocsConfig.fileName else { continue }
            let path = directory == "." ? relative : (directory as NSString).appendingPathComponent(relative)
            if isTopologyFile(path) { result.append(path) }
        }
        return result.sorted()
    }

    /// Whether the file declares `topograph:` at the top level within its first 4 KiB.
    package static func isTopologyFile(_ path: String) -> Bool {
        guard let data = FileKind.head(of: path, count: 4096) else { return false }
        let head = String(decoding: data, as: UTF8.self)
        return head.split(separator: "\n").contains { $0.hasPrefix("topograph:") }
    }

    /// The C library's glob(3), on Linux (Glibc) and macOS (Darwin) alike, so patterns
    /// behave as the user's shell would expand them.
    static func glob(_ pattern: String) -> [String] {
        var buffer = glob_t()
        defer { globfree(&buffer) }
        #if canImport(Glibc)
        guard Glibc.glob(pattern, 0, nil, &buffer) == 0 else { return [] }
        #else
        guard Darwin.glob(pattern, 0, nil, &buffer) == 0 else { return [] }
        #endif
        return (0..<Int(buffer.gl_pathc)).compactMap { buffer.gl_pathv[$0].map { String(cString: $0) } }
    }
}

package struct DocsInputError: TopographError {
    package var code: TopographErrorCode { .invalidDocsInputs }
    package var message: String
    package var description: String { message }
}
