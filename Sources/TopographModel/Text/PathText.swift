/// Path arithmetic on strings. NSString's `deletingLastPathComponent` in
/// swift-corelibs-foundation 6.3 traps (SIGILL) on a one-character path such as `-o x`, so
/// every command splits paths with these instead.
package enum PathText {
    /// The folder part: `a/b/c.svg` -> `a/b`, `c.svg` -> ``, `/c` -> `/`, `a/b/` -> `a`.
    package static func parent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        var head = trimmed[..<slash]
        while head.count > 1, head.hasSuffix("/") { head = head.dropLast() }
        return String(head)
    }

    /// The last component: `a/b/c.svg` -> `c.svg`, `a/b/` -> `b`.
    package static func name(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        let name = trimmed[trimmed.index(after: slash)...]
        return name.isEmpty ? String(trimmed) : String(name)
    }

    /// `directory/name`; just `name` when the directory is empty.
    package static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
