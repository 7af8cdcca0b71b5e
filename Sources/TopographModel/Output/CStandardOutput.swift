// Only the C library here: Foundation's re-export would not be `@preconcurrency`, and
// Swift 6 refuses the C global `stdout` without it.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The C library's buffered standard output, which `print` writes to.
enum CStandardOutput {
    /// Flushes it; nil when every write so far succeeded, else errno (0 when unknown).
    static func flush() -> Int32? {
        let flushed = fflush(stdout)
        guard flushed != 0 || ferror(stdout) != 0 else { return nil }
        let code = errno
        clearerr(stdout)
        return code
    }
}
