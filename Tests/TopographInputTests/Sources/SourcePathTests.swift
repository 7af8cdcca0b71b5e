import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
import TopographTestSupport

@Suite("Source paths in generated files")
struct SourcePathTests {
    func scratch() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("topograph-srcpath-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/docs/arch"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/.git"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("repo/docs/arch/a.yaml"))
        return root
    }

    @Test("every spelling of one file gives the same repository-relative name")
    func spellings() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let repo = root.appendingPathComponent("repo").path
        let spellings = ["\(repo)/docs/arch/a.yaml", "\(repo)//docs/./arch/a.yaml", "\(repo)/docs/arch/../arch/a.yaml"]
        for spelling in spellings {
            #expect(SourcePath.display(spelling) == "docs/arch/a.yaml", "\(spelling)")
        }
        #expect(SourcePath.display("\(repo)/docs/arch/a.yaml", base: "\(repo)/docs") == "arch/a.yaml")
        // A base the file is not under is ignored: the git top level decides.
        #expect(SourcePath.display("\(repo)/docs/arch/a.yaml", base: "/nonexistent") == "docs/arch/a.yaml")
    }

    @Test("outside any repository and the working directory, only the file name is written")
    func neverAbsolute() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("repo/.git"))
        let file = root.appendingPathComponent("repo/docs/arch/a.yaml").path
        let shown = SourcePath.display(file)
        #expect(!shown.hasPrefix("/"))
        #expect(shown.hasSuffix("a.yaml"))
    }

    @Test("outside git, the anchor (the docs tree's parent) decides, climbing with ..")
    func anchorOutsideGit() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("repo/.git"))
        let file = root.appendingPathComponent("repo/docs/arch/a.yaml").path
        #expect(SourcePath.display(file, anchor: root.appendingPathComponent("repo").path) == "docs/arch/a.yaml")
        #expect(SourcePath.display(file, anchor: root.appendingPathComponent("repo/site").path) == "../docs/arch/a.yaml")
        // Inside git the top level still wins over the anchor.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/.git"), withIntermediateDirectories: true)
        #expect(SourcePath.display(file, anchor: root.appendingPathComponent("repo/site").path) == "docs/arch/a.yaml")
    }
}
