import Foundation

/// Turns what the user named (files, directories, glob patterns) into the list of
/// topology files, sorted so the docs tree never depends on directory order.
public enum DocsInputs {
    public static func resolve(_ patterns: [String]) throws -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        for pattern in patterns {
            var matches: [String]
            if pattern.contains("*") || pattern.contains("?") || pattern.contains("[") {
                matches = glob(pattern)
                if matches.isEmpty {
                    throw DocsInputError(message: "'\(pattern)' matches no file")
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
    public static func topologyFiles(under directory: String) -> [String] {
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
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
            try? handle.close()
            if head.split(separator: "\n").contains(where: { $0.hasPrefix("topograph:") }) { result.append(path) }
        }
        return result.sorted()
    }

    static func glob(_ pattern: String) -> [String] {
        var buffer = glob_t()
        defer { globfree(&buffer) }
        guard Glibc.glob(pattern, 0, nil, &buffer) == 0 else { return [] }
        return (0..<Int(buffer.gl_pathc)).compactMap { buffer.gl_pathv[$0].map { String(cString: $0) } }
    }
}

public struct DocsInputError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
