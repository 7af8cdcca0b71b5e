import Foundation

/// What a path is, without opening it: opening a FIFO blocks until a writer comes, and
/// reading a device may never end.
package enum FileKind: Equatable, Sendable {
    case regular, directory, other, missing

    package static func of(_ path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The error for a path import cannot read as a file.
    package static func refusal(_ path: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, code: .notARegularFile, "\(path): not a regular file (a FIFO, device or socket); import reads files and cdk.out folders only",
                   at: location ?? SourceLocation(file: path, line: 1, column: 1), help: "give the template file itself")
    }
}

extension FileKind {
    /// Up to `count` bytes from the start of a regular file; nil for anything else. Never
    /// traps (Foundation's `readData(ofLength:)` does on a folder) and never blocks on a FIFO.
    package static func head(of path: String, count: Int) -> Data? {
        guard of(path) == .regular, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: count)) ?? Data()
    }
}
