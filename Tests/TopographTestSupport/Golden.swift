import Foundation
import Testing

/// Compares output with a reviewed golden file. On a mismatch it writes `<name>.got.<ext>`
/// beside the golden so the difference can be inspected with any diff tool. With
/// TOPOGRAPH_ACCEPT=1 it records the new output as the golden, and still fails the test:
/// a golden is accepted by a person reviewing it, never silently by a run.
package func assertGolden(_ actual: String, _ goldenPath: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    let manager = FileManager.default
    let gotPath = goldenPath.deletingPathExtension()
        .appendingPathExtension("got")
        .appendingPathExtension(goldenPath.pathExtension)
    if ProcessInfo.processInfo.environment["TOPOGRAPH_ACCEPT"] == "1" {
        let existing = try? String(contentsOf: goldenPath, encoding: .utf8)
        if existing != actual {
            try? manager.createDirectory(at: goldenPath.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: goldenPath, atomically: true, encoding: .utf8)
            try? manager.removeItem(at: gotPath)
            Issue.record("recorded golden \(goldenPath.lastPathComponent): review it, then run again without TOPOGRAPH_ACCEPT", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: goldenPath, encoding: .utf8) else {
        try? actual.write(to: gotPath, atomically: true, encoding: .utf8)
        Issue.record("missing golden \(goldenPath.path); output written to \(gotPath.lastPathComponent); accept with TOPOGRAPH_ACCEPT=1", sourceLocation: sourceLocation)
        return
    }
    if expected == actual {
        try? manager.removeItem(at: gotPath)
        return
    }
    try? actual.write(to: gotPath, atomically: true, encoding: .utf8)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(expectedLines.count, actualLines.count)
    let expectedLine = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end of file>"
    let actualLine = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end of file>"
    Issue.record(
        """
        \(goldenPath.lastPathComponent) differs at line \(firstDifference + 1):
          expected: \(expectedLine)
          actual:   \(actualLine)
        full output in \(gotPath.lastPathComponent); accept with TOPOGRAPH_ACCEPT=1 after review
        """, sourceLocation: sourceLocation)
}
