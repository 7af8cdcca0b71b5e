import Foundation
import TopographModel

/// Where an import may read what templates point at (nested stacks' `TemplateURL`,
/// `aws:asset:path`, `cdk.out` manifest entries): inside the project, symbolic links
/// resolved first. The project of a template is the git work tree holding it, else the
/// working directory; a `cdk.out` entry stays inside its assembly. `--allow-outside PATH`
/// trusts more folders. The files named on the command line are the user's choice and
/// always read; only what they point at is contained, so a template in a pull request
/// cannot pull `/etc/passwd` or `~/.aws/credentials` into a CI report.
package struct ReadContainment: Sendable {
    /// Real paths of folders trusted besides the project.
    package var allowed: [String]

    package init(allowOutside: [String] = []) {
        allowed = allowOutside.compactMap(Self.realPath)
    }

    /// The git work tree holding `file` (a folder with `.git`), else the working directory.
    package static func projectRoot(of file: String) -> String {
        let cwd = realPath(FileManager.default.currentDirectoryPath) ?? FileManager.default.currentDirectoryPath
        guard let real = realPath(file) else { return cwd }
        var directory = PathText.parent(real)
        while !directory.isEmpty {
            if FileManager.default.fileExists(atPath: directory + (directory == "/" ? ".git" : "/.git")) { return directory }
            let parent = PathText.parent(directory)
            if parent == directory || parent.isEmpty { break }
            directory = parent
        }
        return cwd
    }

    /// The real path of `path` when it lies inside `root` or a trusted folder; nil outside
    /// (or when it does not exist).
    package func resolve(_ path: String, inside root: String) -> String? {
        guard let real = Self.realPath(path) else { return nil }
        let roots = [Self.realPath(root) ?? root] + allowed
        return roots.contains { Self.contains($0, real) } ? real : nil
    }

    static func contains(_ root: String, _ path: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
