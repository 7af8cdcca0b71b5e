import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
import TopographTestSupport

/// Reading a file in pieces on several cores must give exactly what reading it in one piece
/// gives: the same document, or the same errors at the same positions.
@Suite("Reading in pieces")
struct PieceReadingTests {
    /// The parser as `validate` runs it on a large file, made to cut even small ones.
    func inPieces(_ count: Int) -> TopologyParser {
        var parser = TopologyParser()
        parser.piecesFromBytes = 0
        parser.pieceCount = count
        return parser
    }

    func inOnePiece() -> TopologyParser {
        var parser = TopologyParser()
        parser.piecesFromBytes = .max
        return parser
    }

    /// What a parser reads from a text, compared field by field (dictionaries print in
    /// any order, so text would not do), positions included: resources and connections
    /// compare by content alone.
    struct Reading: Equatable {
        struct Stage: Equatable {
            var name: String, title: String?, description: String?, location: TopographModel.SourceLocation, removals: String
            var changes: [String], changed: [FieldMap], addedResources: [Resource], addedConnections: [Connection]
        }
        var metadata: TopologyMetadata?
        var resources: [Resource] = []
        var connections: [Connection] = []
        var positions: [[TopographModel.SourceLocation]] = []
        var fieldMaps: [FieldMap] = []
        var stages: [Stage] = []
        var lintIgnores: [LintIgnore] = []
        var driftIgnores: [DriftIgnore] = []
        var errors: [Diagnostic] = []
    }

    func reading(_ parser: TopologyParser, _ text: String) -> Reading {
        do {
            let document = try parser.parse(text: text, file: "t.yaml")
            return Reading(
                metadata: document.metadata, resources: document.resources, connections: document.connections,
                positions: document.resources.map { [$0.location] } + document.connections.map { [$0.location, $0.fromLocation, $0.toLocation] },
                fieldMaps: document.resources.map(\.fieldMap),
                stages: document.stages.map {
                    .init(name: $0.name, title: $0.title, description: $0.description, location: $0.location, removals: "\($0.removals)",
                          changes: $0.changes.map { "\($0.id) \($0.location)" }, changed: $0.changes.map(\.fieldMap),
                          addedResources: $0.addedResources, addedConnections: $0.addedConnections)
                },
                lintIgnores: document.lintIgnores, driftIgnores: document.driftIgnores)
        } catch let error as TopologyInputError {
            return Reading(errors: error.diagnostics)
        } catch {
            Issue.record("unexpected error \(error)")
            return Reading()
        }
    }

    static let inputs: [URL] = (Fixtures.files(in: "../Corpus", suffix: ".yaml") + Fixtures.examples
        + Fixtures.files(in: "invalid", suffix: ".yaml") + Fixtures.files(in: "schema-invalid", suffix: ".yaml"))

    @Test(arguments: [2, 3, 7])
    func everyCorpusFileReadsTheSameInPieces(pieces: Int) throws {
        var cut = 0
        for url in Self.inputs {
            // The fixture that is not UTF-8 never reaches Yams.
            guard let text = String(validating: try Data(contentsOf: url), as: UTF8.self) else { continue }
            if DocumentSplitter.pieces(of: text, count: pieces) != nil { cut += 1 }
            #expect(reading(inPieces(pieces), text) == reading(inOnePiece(), text), "\(url.lastPathComponent)")
        }
        // The test proves something only if most files were really cut.
        #expect(Self.inputs.count > 40)
        #expect(cut * 2 > Self.inputs.count, "only \(cut) of \(Self.inputs.count) files were cut")
    }

    @Test func aLargeFileIsCutByDefaultAndReadsTheSame() throws {
        var lines = ["topograph: 1", "name: big", "resources:", "  vpc: { kind: vpc, cidr: 10.0.0.0/16 }"]
        for index in 0..<3000 {
            lines.append("  svc-\(index): { kind: ecs-service, in: vpc, containers: [{ name: app, image: \"app:\(index)\", port: 8080 }], notes: \"#\(index): a, b\" }")
        }
        lines.append("connections:")
        for index in 1..<3000 { lines.append("  - svc-\(index - 1) -> svc-\(index): call \(index)") }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > TopologyParser().piecesFromBytes)
        #expect(DocumentSplitter.pieces(of: text, count: 2)?.count == 2)
        var twoCores = TopologyParser()
        twoCores.pieceCount = 2
        #expect(reading(twoCores, text) == reading(inOnePiece(), text))
        #expect(try twoCores.parse(text: text, file: "t.yaml").resources.count == 3001)
    }

    /// Cuts that land inside a construct, or pieces that need each other, fall back to one
    /// piece: same document, same errors, same positions.
    @Test(arguments: [
        // A flow mapping continued on a line at the entries' indentation.
        "resources:\n  a: { kind: user,\n  in: b }\n  b: { kind: vpc }\n  c: { kind: alb }\n",
        // An alias whose anchor is in another piece.
        "resources:\n  a: &base { kind: user }\n  b: { kind: vpc }\n  c: *base\n  d: { kind: alb }\n",
        // A resource id twice, in different pieces.
        "resources:\n  a: { kind: user }\n  b: { kind: vpc }\n  a: { kind: alb }\n  c: { kind: alb }\n",
        // A quoted scalar continued on a line at the entries' indentation.
        "resources:\n  a: { kind: user, notes: \"one\n  two\" }\n  b: { kind: vpc }\n  c: { kind: alb }\n",
        // Block scalars, comments, CRLF, a list at column 0, an invalid id in a later piece.
        "resources:\r\n  a:\r\n    kind: user\r\n    notes: |\r\n      text\r\n  # comment\r\n  b: { kind: vpc }\r\n  c: { kind: alb }\r\nconnections:\r\n- a -> b\r\n- b -> c\r\n- c -> a\r\n",
        "resources:\n  a: { kind: user }\n  b: { kind: vpc }\n  Bad_Id: { kind: alb }\n  c: { kind: alb }\n",
        // Stages after the bulk sections, anchors used within one piece.
        "resources:\n  a: { kind: user }\n  b: &b { kind: vpc }\n  c: { kind: alb }\nconnections:\n  - a -> c\n  - c -> b\nstages:\n  - name: v1\n    remove: [a]\n",
        // A second document.
        "resources:\n  a: { kind: user }\n  b: { kind: vpc }\n---\nresources: {}\n",
    ])
    func awkwardCutsReadAsInOnePiece(body: String) {
        let text = "topograph: 1\nname: t\n" + body
        for pieces in 2...4 {
            #expect(reading(inPieces(pieces), text) == reading(inOnePiece(), text), "\(pieces) pieces of \(body.debugDescription)")
        }
    }

    @Test func piecesKeepEveryLineWhereItWas() throws {
        let text = "topograph: 1\nname: t\nresources:\n  a: { kind: user }\n  b: { kind: vpc }\nconnections:\n  - a -> b\n  - b -> a\n"
        let pieces = try #require(DocumentSplitter.pieces(of: text, count: 2))
        #expect(pieces.count == 2)
        for piece in pieces {
            #expect(piece.split(separator: "\n", omittingEmptySubsequences: false).count == text.split(separator: "\n", omittingEmptySubsequences: false).count)
        }
        // Together the pieces hold each entry once.
        for entry in ["  a: { kind: user }", "  b: { kind: vpc }", "  - a -> b", "  - b -> a"] {
            #expect(pieces.filter { $0.contains(entry + "\n") }.count == 1, "\(entry)")
        }
        #expect(pieces.allSatisfy { $0.hasPrefix("topograph: 1\n") } == false)
        #expect(pieces[0].hasPrefix("topograph: 1\nname: t\nresources:\n"))
    }

    @Test func topLevelsThatCannotBeCutAreReadInOnePiece() {
        #expect(DocumentSplitter.pieces(of: "topograph: 1\nresources: { a: { kind: user }, b: { kind: vpc } }\n", count: 2) == nil)
        #expect(DocumentSplitter.pieces(of: "%YAML 1.2\n---\nresources:\n  a: {}\n  b: {}\n", count: 2) == nil)
        #expect(DocumentSplitter.pieces(of: "resources: &r\n  a: {}\n  b: {}\n", count: 2) == nil)
        #expect(DocumentSplitter.pieces(of: "resources:\n  a: {}\n  b: {}\n", count: 1) == nil)
    }
}
