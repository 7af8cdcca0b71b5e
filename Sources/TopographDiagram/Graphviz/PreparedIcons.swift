import Foundation
import TopographModel

/// Icon files made ready for Graphviz, cached on disk across runs: PNGs downscaled to
/// `pixels` through Graphviz's own cairo renderer (so the embedded data stays small), SVGs
/// given the XML declaration Graphviz needs to recognise them. Apart from `IconSet`, which
/// finds the icons: this is the one part of icon handling that writes files.
enum PreparedIcons {
    /// Icons are drawn at 36 pt; 64 px keeps them sharp on a 1.5x screen.
    static let pixels = 64

    /// Every prepared copy and the file it was made from, kind, frame and service icons alike.
    private static let registry = Locked<[String: String]>([:])

    static var madeFrom: [String: String] { registry.withLock { $0 } }

    static func prepared(_ path: String) -> String {
        let ready = preparedCopy(path)
        registry.withLock { $0[ready] = path }
        return ready
    }

    /// A PNG downscaled to `pixels` (cached by content), or an SVG with an XML declaration.
    private static func preparedCopy(_ path: String) -> String {
        // Named by path, size and modification time: no icon file is read on a cache hit.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
        let stamp = "\(path)|\((attributes[.size] as? NSNumber)?.intValue ?? 0)|\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        let checksum = String(CRC32.checksum(Data(stamp.utf8)), radix: 16)
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("topograph-icons")
        if path.lowercased().hasSuffix(".svg") {
            guard let data = FileManager.default.contents(atPath: path) else { return path }
            if data.starts(with: Data("<?xml".utf8)) { return path }
            let copy = (directory as NSString).appendingPathComponent("\(checksum).svg")
            if !FileManager.default.fileExists(atPath: copy) {
                try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                var fixed = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
                fixed.append(data)
                try? fixed.write(to: URL(fileURLWithPath: copy), options: .atomic)
            }
            return copy
        }
        let small = (directory as NSString).appendingPathComponent("\(checksum)-\(pixels).png")
        if FileManager.default.fileExists(atPath: small) { return small }
        guard GraphvizEngine.shared.supports(format: "png") else { return path }
        let inches = Double(pixels) / 72
        let dot = "digraph { graph [pad=0, margin=0, dpi=72, bgcolor=\"transparent\"]; "
            + "node [shape=none, label=\"\", margin=0, fixedsize=true, width=\(inches), height=\(inches), imagescale=true, image=\(DOTText.quoted(path))]; i }"
        guard let png = try? GraphvizEngine.shared.render(dot: dot, format: "png:cairo") else { return path }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        do { try png.write(to: URL(fileURLWithPath: small), options: .atomic) } catch { return path }
        return small
    }
}
