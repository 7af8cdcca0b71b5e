import Foundation
import TopographModel
import TopographInput
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff

/// Compares a built docs tree with what is on disk, and writes it. Only files that carry
/// `GeneratedMarker` are ever replaced or deleted; a person's own files in the output
/// directory are left alone (and never count as stale).
package struct DocsTreeSync: Sendable {
    package var root: String

    package init(root: String) {
        self.root = root
    }

    package struct Status: Sendable {
        package var stale: [String] = []
        package var missing: [String] = []
        /// Generated files on disk that the tree no longer has.
        package var extra: [String] = []
        /// Tree files whose path is taken by a file a person wrote.
        package var blocked: [String] = []
        package var unchanged: [String] = []

        package var isClean: Bool { stale.isEmpty && missing.isEmpty && extra.isEmpty && blocked.isEmpty }
    }

    package func absolute(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    package func read(_ relative: String) -> Data? {
        FileManager.default.contents(atPath: absolute(relative))
    }

    /// An image (SVG, PNG) whose bytes differ but whose layout fingerprint matches was
    /// drawn from the same input by another Graphviz (or, for PNG, other fonts): it is
    /// up to date unless `strict`, which compares bytes.
    package func status(of tree: DocsTreeBuilder.Tree, strict: Bool = false) -> Status {
        var status = Status()
        let wanted = Set(tree.files.map(\.path))
        for file in tree.files {
            guard let existing = read(file.path) else {
                status.missing.append(file.path)
                continue
            }
            if existing == file.data || (!strict && LayoutFingerprint.sameLayout(existing, file.data)) {
                status.unchanged.append(file.path)
            } else if GeneratedMarker.isGenerated(existing) {
                status.stale.append(file.path)
            } else {
                status.blocked.append(file.path)
            }
        }
        for path in generatedFilesOnDisk() where !wanted.contains(path) {
            if tree.protectedFolders.contains(where: { path.hasPrefix($0 + "/") }) { continue }
            status.extra.append(path)
        }
        return status
    }

    /// Writes every missing or stale file and deletes extra generated ones.
    package func apply(_ tree: DocsTreeBuilder.Tree) throws -> Status {
        let lock = try DocsTreeLock(root: root)
        defer { withExtendedLifetime(lock) {} }
        let status = status(of: tree)
        let writer = OutputWriter(root: root)
        let byPath = Dictionary(uniqueKeysWithValues: tree.files.map { ($0.path, $0) })
        for path in status.missing + status.stale {
            try writer.write(byPath[path]!.data, to: absolute(path))
        }
        for path in status.extra {
            try writer.remove(absolute(path))
        }
        return status
    }

    /// Relative paths of files under the root that carry the generated marker.
    func generatedFilesOnDisk() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            let full = absolute(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            // Hidden files and folders (`.topograph-tmp/`, `.git/`) are never part of the tree.
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            // Only regular files: opening a FIFO someone left in the tree would block.
            guard let head = FileKind.head(of: full, count: 8192) else { continue }
            if GeneratedMarker.isGenerated(head) { result.append(path) }
        }
        return result.sorted()
    }
}
