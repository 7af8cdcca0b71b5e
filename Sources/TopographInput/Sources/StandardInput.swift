import Foundation
import TopographModel

/// Standard input read with the same cap as a file (`InputLimits.maxFileBytes`): reading
/// stops one chunk past the limit, so `yes | topograph validate -` ends in an error
/// instead of reading gigabytes.
package enum StandardInput {
    package static let displayName = "<stdin>"

    package static func read(limits: InputLimits = .default, from handle: FileHandle = .standardInput) throws -> Data {
        var data = Data()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw TopologyInputError([Diagnostic(
                    .error, code: .unreadableFile, "\(displayName): cannot be read (\(error.localizedDescription))", at: nil,
                    help: "pipe a topology file into the command, or pass its path")])
            }
            guard let chunk, !chunk.isEmpty else { return data }
            data.append(chunk)
            if data.count > limits.maxFileBytes {
                throw TopologyInputError([Diagnostic(
                    .error, code: .inputTooLarge,
                    "standard input is larger than \(limits.maxFileBytes) bytes; topology files are limited to \(limits.maxFileBytes) bytes",
                    at: SourceLocation(file: displayName, line: 1, column: 1),
                    help: "split the architecture into several topology files")])
            }
        }
    }
}
