import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiff
@testable import TopographDiagram
import TopographTestSupport

@Suite("Graphviz rendering")
struct GraphvizTests {
    static var exampleStages: [String] { MermaidGoldenTests.exampleStages.map { "\($0.0)#\($0.1)" } }

    func stage(_ key: String) throws -> StageTopology {
        let parts = key.split(separator: "#").map(String.init)
        let file = "Docs/examples/\(parts[0])"
        let topology = try TopologyLoader().load(path: Fixtures.repositoryFile(file).path, displayPath: file)
        return try #require(topology.stage(named: parts[1]))
    }

    /// Every stage of the key's file: the CLI lays stages out as a group.
    func stages(_ key: String) throws -> [StageTopology] {
        let file = "Docs/examples/\(key.split(separator: "#")[0])"
        return try TopologyLoader().load(path: Fixtures.repositoryFile(file).path, displayPath: file).stages
    }

    @Test("DOT of every example stage (laid out as the CLI does, with its sibling stages) matches its golden", arguments: exampleStages)
    func dotGolden(_ key: String) throws {
        let stage = try stage(key)
        let dot = try StageRenderer(options: RenderOptions(stageGroup: try stages(key))).render(stage, format: .dot)
        let name = ArtifactNaming.fileName(topology: stage.metadata.name, stage: stage.stage.name, fileExtension: "dot")
        assertGolden(String(decoding: dot.data, as: UTF8.self), Fixtures.url("golden/dot/\(name)"))
    }

    @Test("SVG is well-formed, complete, nested as the topology says", arguments: exampleStages)
    func svgStructure(_ key: String) throws {
        let stage = try stage(key)
        let svg = try StageRenderer().render(stage, format: .svg).data
        let document = try SVGDocument(svg)
        // Every resource is drawn: a node group or a cluster group with its id, or (a
        // logical frame whose members span subnets) as copies inside the subnets.
        func frames(_ id: String) -> [SVGDocument.Box] {
            document.boxes.filter { $0.key == "cluster_\(id)" || $0.key.hasPrefix("cluster_\(id)@") }.map(\.value)
        }
        for resource in stage.resources {
            let isContainer = KindCatalog.spec(resource.kind)?.isContainer == true
            if isContainer {
                #expect(!frames(resource.id).isEmpty, "no SVG group for \(resource.id)")
            } else {
                #expect(document.groups["r_\(resource.id)"] != nil, "no SVG group for \(resource.id)")
            }
            #expect(document.text.contains(resource.label), "label of \(resource.id) missing")
        }
        // Clusters nest as `in:` says: a child cluster's box lies inside its parent's.
        for resource in stage.resources where KindCatalog.spec(resource.kind)?.isContainer == true {
            guard let parent = resource.parent, let inner = document.boxes["cluster_\(resource.id)"] else { continue }
            #expect(frames(parent).contains { $0.contains(inner) }, "cluster \(resource.id) is not drawn inside \(parent)")
        }
        // Every node sits inside the cluster of its container (or a copy of it), and a
        // resource declared in subnets is drawn inside each of them.
        for resource in stage.resources where KindCatalog.spec(resource.kind)?.isContainer != true {
            let copies = document.boxes.filter { $0.key == "r_\(resource.id)" || $0.key.hasPrefix("r_\(resource.id)@") }.map(\.value)
            #expect(!copies.isEmpty, "no box for \(resource.id)")
            // An internet gateway is drawn at its VPC's edge, outside it (AWS's convention).
            if let parent = resource.parent, !frames(parent).isEmpty, resource.kind != .internetGateway {
                #expect(copies.contains { node in frames(parent).contains { $0.contains(node) } }, "\(resource.id) is not drawn inside \(parent)")
            }
            for subnet in resource.subnets {
                #expect(copies.contains { node in frames(subnet).contains { $0.contains(node) } }, "\(resource.id) is not drawn inside its subnet \(subnet)")
            }
        }
        #expect(!document.text.contains("file://"))
        #expect(!document.hrefs.contains { !$0.hasPrefix("http://") && !$0.hasPrefix("https://") && !$0.hasPrefix("data:") })
        #expect(GeneratedMarker.isGenerated(svg))
    }

    @Test("a VPC's availability zones share their left edge (left-to-right layout)", arguments: exampleStages)
    func zonesAligned(_ key: String) throws {
        let stage = try stage(key)
        let document = try SVGDocument(try StageRenderer(options: RenderOptions(stageGroup: try stages(key))).render(stage, format: .svg).data)
        let zones = stage.resources.filter { $0.kind == .availabilityZone }.compactMap { document.boxes["cluster_\($0.id)"] }
        #expect(zones.count == 2)
        let lefts = zones.map(\.minX)
        #expect(lefts.max()! - lefts.min()! < 0.5, "zone left edges \(lefts)")
    }

    @Test("the internet gateway sits on its VPC's top border, as AWS draws it", arguments: exampleStages)
    func gatewayOnTheBorder(_ key: String) throws {
        let stage = try stage(key)
        let document = try SVGDocument(try StageRenderer(options: RenderOptions(stageGroup: try stages(key))).render(stage, format: .svg).data)
        for gateway in stage.resources where gateway.kind == .internetGateway {
            let node = try #require(document.boxes["r_\(gateway.id)"])
            let parent = try #require(gateway.parent)
            let vpc = try #require(document.boxes["cluster_\(parent)"])
            // SVG's y grows downwards: the top border is minY, and the node straddles it.
            #expect(node.minY < vpc.minY && vpc.minY < node.maxY, "\(gateway.id): \(node) vs VPC \(vpc)")
            #expect(vpc.minX < node.minX && node.maxX < vpc.maxX)
        }
    }

    @Test func svgIsByteIdenticalAcrossRuns() throws {
        let stage = try stage("session-store.yaml#V3")
        let first = try StageRenderer().render(stage, format: .svg).data
        let second = try StageRenderer().render(stage, format: .svg).data
        if first != second {
            try? first.write(to: URL(fileURLWithPath: "/tmp/first.svg"))
            try? second.write(to: URL(fileURLWithPath: "/tmp/second.svg"))
        }
        #expect(first == second)
    }

    @Test func hostileLabelsStayText() throws {
        let topology = try TopologyLoader().load(path: Fixtures.url("render/hostile-labels.yaml").path)
        let svg = try StageRenderer().render(topology.stages[0], format: .svg).data
        let document = try SVGDocument(svg)
        #expect(document.elementNames.isDisjoint(with: ["script", "foreignObject", "iframe", "object", "embed"]))
        #expect(document.text.contains("<script>alert(\"x\")</script>"))  // as text content, parsed back
        #expect(document.text.contains("javascript:alert(1)"))
        for href in document.hrefs {
            #expect(href.hasPrefix("https://"), "unexpected link \(href)")
        }
        #expect(document.hrefs.contains("https://example.com/?a=1&b=%222%22"))
        #expect(!String(decoding: svg, as: UTF8.self).contains("<script"))
    }

    @Test func pngCarriesTheMarker() throws {
        let stage = try stage("session-store.yaml#V1")
        let png = try StageRenderer().render(stage, format: .png).data
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(GeneratedMarker.isGenerated(png))
    }

    @Test func orthoIsRefusedOnLargeDiagrams() throws {
        var yaml = "topograph: 1\nname: big\nresources:\n  lb: { kind: alb }\n"
        for index in 0..<(GraphvizOptions.orthoLimit + 1) { yaml += "  s\(index): { kind: ecs-service }\n" }
        yaml += "connections:\n" + (0..<(GraphvizOptions.orthoLimit + 1)).map { "  - lb -> s\($0)" }.joined(separator: "\n") + "\n"
        let topology = try TopologyLoader().load(text: yaml, file: "big.yaml")
        let renderer = StageRenderer(options: RenderOptions(view: .full, graphviz: GraphvizOptions(routing: .ortho)))
        let rendered = try renderer.render(topology.stages[0], format: .dot)
        #expect(String(decoding: rendered.data, as: UTF8.self).contains("splines=spline"))
        #expect(rendered.warnings.first?.contains("--splines ortho is limited") == true)
    }

    @Test func iconsAreEmbedded() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("icons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let icon = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\"><rect width=\"32\" height=\"32\" fill=\"#ED7100\"/></svg>"
        try icon.write(to: directory.appendingPathComponent("ecs-service.svg"), atomically: true, encoding: .utf8)
        let stage = try stage("session-store.yaml#V1")
        let renderer = StageRenderer(options: RenderOptions(graphviz: GraphvizOptions(iconDirectory: directory.path)))
        let svg = String(decoding: try renderer.render(stage, format: .svg).data, as: UTF8.self)
        #expect(svg.contains("data:image/svg+xml;base64,"))
        #expect(!svg.contains(directory.path))
    }
}

/// An SVG read back with a real XML parser (Foundation's XMLParser): it must be
/// well-formed, and its groups, boxes, links and text are collected for assertions.
struct SVGDocument {
    struct Box {
        var minX, minY, maxX, maxY: Double
        func contains(_ other: Box) -> Bool {
            minX <= other.minX + 0.5 && minY <= other.minY + 0.5 && maxX >= other.maxX - 0.5 && maxY >= other.maxY - 0.5
        }
    }

    var groups: [String: String] = [:]
    var boxes: [String: Box] = [:]
    var hrefs: [String] = []
    var text = ""
    var elementNames: Set<String> = []

    init(_ data: Data) throws {
        let delegate = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw SVGError(description: "SVG is not well-formed XML: \(parser.parserError.map { String(describing: $0) } ?? "unknown") at line \(parser.lineNumber)")
        }
        groups = delegate.groups
        boxes = delegate.boxes
        hrefs = delegate.hrefs
        text = delegate.text
        elementNames = delegate.elementNames
    }

    struct SVGError: Error, CustomStringConvertible {
        var description: String
    }

    final class Collector: NSObject, XMLParserDelegate {
        var groups: [String: String] = [:]
        var boxes: [String: Box] = [:]
        var hrefs: [String] = []
        var text = ""
        var elementNames: Set<String> = []
        var stack: [String?] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elementNames.insert(name)
            if name == "g", let id = attributes["id"], id.hasPrefix("a_") {
                // Graphviz's tooltip/link wrapper inside a node: its shapes are the node's.
                stack.append(stack.last ?? nil)
            } else if name == "g", let id = attributes["id"] {
                groups[id] = attributes["class"] ?? ""
                stack.append(id)
            } else if name == "g" {
                stack.append(nil)
            }
            if let href = attributes["xlink:href"] ?? attributes["href"], name == "a" { hrefs.append(href) }
            if name == "polygon" || name == "path", let owner = stack.last ?? nil, boxes[owner] == nil {
                let source = attributes["points"] ?? attributes["d"] ?? ""
                let numbers = source.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
                var xs: [Double] = []
                var ys: [Double] = []
                for index in stride(from: 0, to: numbers.count - 1, by: 2) {
                    xs.append(numbers[index])
                    ys.append(numbers[index + 1])
                }
                if let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() {
                    boxes[owner] = Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
                }
            }
            if name == "ellipse", let owner = stack.last ?? nil, boxes[owner] == nil,
               let cx = Double(attributes["cx"] ?? ""), let cy = Double(attributes["cy"] ?? ""),
               let rx = Double(attributes["rx"] ?? ""), let ry = Double(attributes["ry"] ?? "") {
                boxes[owner] = Box(minX: cx - rx, minY: cy - ry, maxX: cx + rx, maxY: cy + ry)
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "g", !stack.isEmpty { stack.removeLast() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }
}
