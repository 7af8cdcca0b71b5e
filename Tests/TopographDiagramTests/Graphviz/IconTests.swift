import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographDiagram
import TopographTestSupport

@Suite("Icons")
struct IconTests {
    @Test("every kind of the catalog has an icon entry")
    func everyKindHasAnEntry() {
        for spec in KindCatalog.all {
            #expect(KindIcons.table[spec.id] != nil, "no icon entry for \(spec.id) in KindIcons.swift")
        }
        for key in KindIcons.table.keys {
            #expect(KindCatalog.spec(key) != nil, "icon entry for unknown kind \(key)")
        }
    }

    func stage(_ name: String) throws -> StageTopology {
        let file = "Docs/examples/session-store.yaml"
        let topology = try TopologyLoader().load(path: Fixtures.repositoryFile(file).path, displayPath: file)
        return try #require(topology.stage(named: name))
    }

    func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("icons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("the Asset Package folder as downloaded: names mapped, icon above the label")
    func assetPackageAsDownloaded() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let icon = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"48\" height=\"48\"><rect width=\"48\" height=\"48\" fill=\"#E7157B\"/></svg>"
        for relative in [
            "Architecture-Service-Icons_02072025/Arch_App-Integration/48/Arch_Amazon-API-Gateway_48.svg",
            "Architecture-Service-Icons_02072025/Arch_App-Integration/64/Arch_Amazon-API-Gateway_64.svg",
            "Resource-Icons_02072025/Res_Networking-Content-Delivery/Res_Amazon-VPC_NAT-Gateway_48_Light.svg",
            "Resource-Icons_02072025/Res_Networking-Content-Delivery/Res_Amazon-VPC_NAT-Gateway_48_Dark.svg",
        ] {
            let url = directory.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try icon.replacingOccurrences(of: "#E7157B", with: relative.contains("Dark") ? "#000000" : "#E7157B").write(to: url, atomically: true, encoding: .utf8)
        }
        let set = IconSet(directory: directory.path)
        // The light-background variant, not the dark one (icons without an XML declaration
        // are used through a copy, so the content tells which file was picked).
        let api = try String(contentsOfFile: try #require(set.path(for: "api-gateway-http")), encoding: .utf8)
        let nat = try String(contentsOfFile: try #require(set.path(for: "nat-gateway")), encoding: .utf8)
        #expect(api.contains("#E7157B"))
        #expect(nat.contains("#E7157B") && !nat.contains("#000000"))
        #expect(set.path(for: "lambda") == nil)
        let renderer = StageRenderer(options: RenderOptions(graphviz: GraphvizOptions(iconDirectory: directory.path)))
        let svg = String(decoding: try renderer.render(try stage("V2"), format: .svg).data, as: UTF8.self)
        #expect(svg.contains("data:image/svg+xml;base64,"))
        #expect(!svg.contains(directory.path))
        // The API node: its picture ends above its label's baseline (never drawn over it).
        let group = try #require(svg.range(of: "<g id=\"r_api\"").map { String(svg[$0.lowerBound...].prefix(4000)) })
        let image = try #require(group.firstMatch(of: /<use xlink:href="#tg-icon-[0-9]+"[^>]* y="(-?[0-9.]+)"/))
        let height = try #require(group.firstMatch(of: /<use[^>]* height="([0-9.]+)"/))
        // Each icon's bytes are in the file once, however many nodes show it.
        #expect(svg.components(separatedBy: "data:image/svg+xml;base64,").count - 1 == Set(IconSet(directory: directory.path).all).count)
        let text = try #require(group.firstMatch(of: /<text[^>]* y="(-?[0-9.]+)"[^>]*>Public HTTP API</))
        #expect(try #require(Double(image.1)) + #require(Double(height.1)) <= #require(Double(text.1)))
        #expect(abs(try #require(Double(height.1)) - 36) < 0.5)
    }

    @Test("PNG icons are downscaled before they are embedded")
    func pngIconsAreDownscaled() throws {
        guard GraphvizEngine.shared.supports(format: "png") else { return }
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A 300 x 300 px PNG, drawn by Graphviz itself.
        let big = try GraphvizEngine.shared.render(
            dot: "digraph { graph [pad=0, dpi=72]; a [shape=box, style=filled, fillcolor=\"#ED7100\", fixedsize=true, width=4.1667, height=4.1667, label=\"\"] }",
            format: "png:cairo")
        try big.write(to: directory.appendingPathComponent("ecs-service.png"))
        let renderer = StageRenderer(options: RenderOptions(graphviz: GraphvizOptions(iconDirectory: directory.path)))
        let svg = String(decoding: try renderer.render(try stage("V1"), format: .svg).data, as: UTF8.self)
        let encoded = try #require(svg.firstMatch(of: /data:image\/png;base64,([A-Za-z0-9+\/=]+)/))
        let png = try #require(Data(base64Encoded: String(encoded.1)))
        let width = png.subdata(in: 16..<20).reduce(0) { $0 << 8 | Int($1) }
        #expect(width <= PreparedIcons.pixels + 2, "embedded icon is \(width) px wide")
        #expect(png.count < big.count)
    }
}
