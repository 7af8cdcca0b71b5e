import Foundation

/// How a topology file is named inside generated files (markers, index tables, runbook
/// headers). The tree must be the same however the user spelled the path (`./docs/a.yaml`,
/// `docs//a.yaml`, an absolute path, a run from another folder), and must never carry an
/// absolute path, which differs on every machine.
package enum SourcePath {
    /// `path` relative to `base` (the folder of the configuration file in use) when the
    /// file is under it; else relative to the top of the git work tree holding the file;
    /// else, outside git, relative to `anchor` (the docs tree's parent folder), climbing
    /// with `..` when needed; else relative to the working directory when under it; else
    /// the file name. The anchor comes before the working directory because `generate` and
    /// `check` may run from different folders: names relative to where the command ran
    /// would make every file of the other run stale.
    package static func display(_ path: String, base: String? = nil, anchor: String? = nil) -> String {
        let file = canonical(path)
        if let base, let relative = relative(file, to: canonical(base)) { return relative }
        if let top = gitTopLevel(of: file), let relative = relative(file, to: top) { return relative }
        if let anchor, let relative = climbing(file, from: canonical(anchor)) { return relative }
        if let relative = relative(file, to: canonical(FileManager.default.currentDirectoryPath)) { return relative }
        return PathText.name(file)
    }

    /// Absolute, `.`/`..` and repeated slashes gone, symbolic links resolved.
    /// `path` relative to the top of the git work tree holding it, for tools that resolve
    /// paths against the repository root (SARIF's `%SRCROOT%`, GitHub annotations); nil
    /// outside a work tree.
    package static func repositoryRelative(_ path: String) -> String? {
        let file = canonical(path)
        guard let top = gitTopLevel(of: file) else { return nil }
        return relative(file, to: top)
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func relative(_ file: String, to directory: String) -> String? {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        guard file.hasPrefix(prefix), file.count > prefix.count else { return nil }
        return String(file.dropFirst(prefix.count))
    }

    /// `file` relative to `directory` with `..` for each folder climbed; nil when they
    /// share no folder but the root, where the path would say more about the machine
    /// than about the project.
    static func climbing(_ file: String, from directory: String) -> String? {
        let fileParts = file.split(separator: "/")
        let directoryParts = directory.split(separator: "/")
        let shared = zip(fileParts, directoryParts).prefix { $0 == $1 }.count
        guard shared > 0, shared < fileParts.count else { return nil }
        let up = Array(repeating: "..", count: directoryParts.count - shared)
        return (up + fileParts[shared...].map(String.init)).joined(separator: "/")
    }

    /// The nearest folder above `file` holding `.git` (a folder, or a file in a worktree or
    /// submodule), found without running git.
    static func gitTopLevel(of file: String) -> String? {
        var directory = PathText.parent(file)
        while !directory.isEmpty {
            if FileManager.default.fileExists(atPath: PathText.join(directory, ".git")) { return directory }
            if directory == "/" { return nil }
            directory = PathText.parent(directory)
        }
        return nil
    }
}
