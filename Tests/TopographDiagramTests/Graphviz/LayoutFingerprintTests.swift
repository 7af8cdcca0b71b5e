import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographDiagram
import TopographTestSupport

@Suite("Layout fingerprint and text measurement")
struct LayoutFingerprintTests {
    func exampleStage(_ name: String = "V2") throws -> StageTopology {
        let file = "Docs/examples/session-store.yaml"
        let topology = try TopologyLoader().load(path: Fixtures.repositoryFile(file).path, displayPath: file)
        return try #require(topology.stage(named: name))
    }

    @Test("an SVG carries the fingerprint of its DOT; another stage has another")
    func svgFingerprint() throws {
        let svg = try StageRenderer().render(exampleStage(), format: .svg).data
        let dot = try StageRenderer().render(exampleStage(), format: .dot).data
        let fingerprint = try #require(LayoutFingerprint.read(svg))
        #expect(fingerprint == LayoutFingerprint.compute(dot: String(decoding: dot, as: UTF8.self), format: "svg"))
        let other = try StageRenderer().render(exampleStage("V1"), format: .svg).data
        #expect(LayoutFingerprint.read(other) != fingerprint)
        #expect(GeneratedMarker.isGenerated(svg))
    }

    @Test("a PNG carries it in a tEXt chunk, after the marker")
    func pngFingerprint() throws {
        guard GraphvizEngine.shared.supports(format: "png") else { return }
        let png = try StageRenderer().render(exampleStage(), format: .png).data
        let fingerprint = try #require(LayoutFingerprint.read(png))
        #expect(fingerprint.hasPrefix("fnv1a128:") && fingerprint.count == 9 + 32)
        #expect(PNGChunks.text(in: png, keyword: "Software")?.hasPrefix(GeneratedMarker.phrase) == true)
        #expect(fingerprint != LayoutFingerprint.read(try StageRenderer().render(exampleStage(), format: .svg).data))
    }

    @Test("same fingerprint, other coordinates: the same layout; other fingerprint: not")
    func sameLayout() throws {
        let svg = try StageRenderer().render(exampleStage(), format: .svg).data
        let moved = Data(String(decoding: svg, as: UTF8.self).replacingOccurrences(of: "points=\"", with: "points=\"1,1 ").utf8)
        #expect(moved != svg)
        #expect(LayoutFingerprint.sameLayout(moved, svg))
        let unmarked = Data(String(decoding: svg, as: UTF8.self).replacingOccurrences(of: LayoutFingerprint.keyword, with: "x").utf8)
        #expect(!LayoutFingerprint.sameLayout(unmarked, svg))
        #expect(LayoutFingerprint.compute(dot: "digraph {}", format: "svg") != LayoutFingerprint.compute(dot: "digraph {}", format: "png"))
        #expect(LayoutFingerprint.compute(dot: "a", format: "svg", icons: [Data([1])]) != LayoutFingerprint.compute(dot: "a", format: "svg", icons: [Data([2])]))
    }

    /// Widths of one text span as Graphviz laid it out (the `plain` output gives node sizes).
    func nodeWidth(_ label: String, bold: Bool = false) throws -> Double {
        let text = bold ? "<<B>\(label)</B>>" : "<\(label)>"
        let dot = "digraph { node [shape=plaintext, margin=0, width=0, height=0, fontname=\"Helvetica,Arial,sans-serif\", fontsize=10]; a [label=\(text)] }"
        let plain = String(decoding: try GraphvizEngine.shared.render(dot: dot, format: "plain"), as: UTF8.self)
        let fields = try #require(plain.split(separator: "\n").first { $0.hasPrefix("node ") }).split(separator: " ")
        return try #require(Double(fields[4])) * 72
    }

    @Test("text is measured with the shipped metrics: bold is wider, wide scripts take an em")
    func shippedMetrics() throws {
        let regular = try nodeWidth("session-store VPC")
        let bold = try nodeWidth("session-store VPC", bold: true)
        #expect(bold > regular)
        // 'W' is wider than 'i' in every sans font; built-in estimates of one width would not tell.
        #expect(try nodeWidth("WWWW") > 2 * nodeWidth("iiii"))
        // Four CJK ideographs at 10 pt: 40 pt of text.
        #expect(abs(try nodeWidth("架构图表") - 40) < 1)
    }

    @Test("icons count by their bytes, not by the folder they were read from")
    func iconsByContent() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("topograph-icons-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let icon = Data("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"/>".utf8)
        for folder in ["one", "two/deeper"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            try icon.write(to: root.appendingPathComponent("\(folder)/alb.svg"))
        }
        func fingerprint(_ folder: String) throws -> String? {
            let options = RenderOptions(graphviz: GraphvizOptions(iconDirectory: root.appendingPathComponent(folder).path))
            return LayoutFingerprint.read(try StageRenderer(options: options).render(exampleStage(), format: .svg).data)
        }
        let one = try #require(try fingerprint("one"))
        #expect(try fingerprint("two/deeper") == one)
        #expect(one != LayoutFingerprint.read(try StageRenderer().render(exampleStage(), format: .svg).data))
        try Data("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\"/>".utf8)
            .write(to: root.appendingPathComponent("two/deeper/alb.svg"))
        #expect(try fingerprint("two/deeper") != one)
    }
}
