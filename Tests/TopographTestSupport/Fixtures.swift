import Foundation

/// Paths inside the repository, found from this file's location so tests run from any
/// working directory.
package enum Fixtures {
    package static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TopographTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// Tests/Fixtures: inputs and goldens every test target shares.
    package static let directory = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    package static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    package static func repositoryFile(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent(relativePath)
    }

    package static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    /// Every example topology under Docs/examples.
    package static var examples: [URL] {
        let directory = repositoryRoot.appendingPathComponent("Docs/examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Files in a fixture folder with a suffix, sorted.
    package static func files(in folder: String, suffix: String) -> [URL] {
        let directory = url(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { directory.appendingPathComponent($0) }
    }
}
