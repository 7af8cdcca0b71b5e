import Foundation
import TopographModel

/// One `generate` at a time per docs tree: two runs into one folder used to interleave
/// their writes and removals and leave a mixed tree while both exited 0. The lock is an
/// `flock` on a file in the tree's hidden temporary folder; the kernel drops it when the
/// process ends, however it ends, so a killed run never leaves the tree locked.
package final class DocsTreeLock {
    private let descriptor: Int32
    private let folder: String
    private let file: String

    package init(root: String) throws {
        folder = (root as NSString).appendingPathComponent(OutputWriter.temporaryFolder)
        file = (folder as NSString).appendingPathComponent("generate.lock")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputWriter.Refusal(path: root, reason: "cannot be created as a directory: \(PlainError.reason(error))")
        }
        descriptor = open(file, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputWriter.Refusal(path: file, reason: "cannot be created: \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            throw OutputWriter.Refusal(
                path: root,
                reason: "another `topograph generate` is writing this docs tree; wait for it to finish and run again")
        }
    }

    deinit {
        // Remove the lock file while still holding the lock, then the folder if empty.
        unlink(file)
        close(descriptor)
        rmdir(folder)
    }
}
