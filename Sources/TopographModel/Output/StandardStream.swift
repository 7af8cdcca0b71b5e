import Foundation

/// Writing to standard output and error without trapping: Foundation's
/// `FileHandle.write(_:)` traps on a failed write (a full disk, `/dev/full`). A report that
/// cannot be written is an error (exit 2) with a message, never a crash or a lost report
/// that exits 0; `print` goes through the C library's buffer, checked by `flushOutput`.
package enum StandardStream {
    package struct WriteFailure: TopographError {
        package var code: TopographErrorCode { .outputUnwritable }
        package var reason: String
        package var description: String { "standard output cannot be written (\(reason)); nothing was reported" }
    }

    /// Writes to standard output, after whatever `print` buffered.
    package static func output(_ data: Data) throws {
        try flushOutput()
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            throw WriteFailure(reason: PlainError.reason(error))
        }
    }

    package static func output(_ text: String) throws {
        try output(Data(text.utf8))
    }

    /// Flushes what `print` buffered; throws when it (or an earlier write) failed.
    package static func flushOutput() throws {
        if let code = CStandardOutput.flush() {
            throw WriteFailure(reason: code == 0 ? "write error" : String(cString: strerror(code)))
        }
    }

    /// Best effort: a message that cannot reach standard error is dropped, never a trap.
    package static func error(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
