import Foundation
import TopographModel
import TopographInput
import TopographDiff

/// The pair suite's folders: every folder under `Tests/DiffPairs/` holds an `old.yaml` and
/// a `new.yaml` (either may be missing: that side is `/dev/null`, a file added or removed
/// in a PR) and the `expected.json` a reviewer agreed with.
package enum DiffPairs {
    package static let root = Fixtures.repositoryFile("Tests/DiffPairs")

    package static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    package static func side(_ pair: String, _ name: String) throws -> LoadedTopology {
        let url = root.appendingPathComponent(pair).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return try RevisionSource.load(RevisionSource.emptySide)
        }
        return try TopologyLoader().load(path: url.path, displayPath: name)
    }

    package static func diff(_ pair: String) throws -> DocumentDiff {
        TopologyDiffer().diff(old: try side(pair, "old.yaml"), new: try side(pair, "new.yaml"))
    }
}
