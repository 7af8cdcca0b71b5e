import Foundation

/// A value behind a lock: the one way this code shares mutable state between threads (the
/// docs tree's parallel builders, the two sides of a diff loaded at once, process-wide
/// caches). `Synchronization.Mutex` would do, but needs macOS 15.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
