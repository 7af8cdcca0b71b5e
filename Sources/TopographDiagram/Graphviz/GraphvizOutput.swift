import Foundation
import TopographModel

/// Finishing touches on what Graphviz wrote, so the files stand on their own: the
/// generated-by marker, the layout fingerprint, and icons embedded as data URIs instead
/// of local paths.
enum GraphvizOutput {
    /// Puts the marker and fingerprint comments right after the XML declaration, where
    /// `OutputWriter` and `LayoutFingerprint` look for them, and replaces icon file paths
    /// by their bytes.
    static func finishSVG(_ data: Data, marker: String, fingerprint: String, icons: [String]) -> Data {
        var text = String(decoding: data, as: UTF8.self)
        let comment = "<!-- \(marker.replacingOccurrences(of: "--", with: "- -")) -->\n"
            + "<!-- \(LayoutFingerprint.keyword): \(fingerprint) -->\n"
        if let declarationEnd = text.range(of: "?>\n") {
            text.insert(contentsOf: comment, at: declarationEnd.upperBound)
        } else {
            text = comment + text
        }
        return Data(embeddingIcons(text, icons: icons).utf8)
    }

    /// Each icon's bytes once, as a `<symbol>` in `<defs>`; every `<image>` Graphviz wrote
    /// for it becomes a `<use>` of that symbol. (A data URI per node made a 100-service SVG
    /// 600 KB and took half a second of string replacing.) One pass over the text.
    static func embeddingIcons(_ text: String, icons: [String]) -> String {
        guard !icons.isEmpty, text.contains("<image ") else { return text }
        var symbols: [String: String] = [:]
        var defs = ""
        for path in icons {
            guard let bytes = FileManager.default.contents(atPath: path) else { continue }
            let isSVG = path.lowercased().hasSuffix(".svg")
            let size = isSVG ? (48, 48) : pngSize(bytes) ?? (64, 64)
            let id = "tg-icon-\(symbols.count + 1)"
            symbols[xmlEscaped(path)] = id
            defs += "<symbol id=\"\(id)\" viewBox=\"0 0 \(size.0) \(size.1)\"><image width=\"\(size.0)\" height=\"\(size.1)\" "
                + "xlink:href=\"data:\(isSVG ? "image/svg+xml" : "image/png");base64,\(bytes.base64EncodedString())\"/></symbol>\n"
        }
        let pattern = #"<image xlink:href="([^"]*)" width="([0-9.]+)px" height="([0-9.]+)px" preserveAspectRatio="[^"]*" x="([-0-9.]+)" y="([-0-9.]+)"/>"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
        let source = text as NSString
        var result = ""
        var cursor = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            let path = source.substring(with: match.range(at: 1))
            guard let id = symbols[path] else { continue }
            result += source.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            let field = { (index: Int) in source.substring(with: match.range(at: index)) }
            result += "<use xlink:href=\"#\(id)\" x=\"\(field(4))\" y=\"\(field(5))\" width=\"\(field(2))\" height=\"\(field(3))\"/>"
            cursor = match.range.location + match.range.length
        }
        result += source.substring(from: cursor)
        // The symbols go first inside the root <svg> element.
        guard let open = result.range(of: "<svg "), let close = result.range(of: ">", range: open.upperBound..<result.endIndex) else { return result }
        result.insert(contentsOf: "\n<defs>\n" + defs + "</defs>", at: close.upperBound)
        return result
    }

    /// Width and height from a PNG's IHDR chunk.
    private static func pngSize(_ data: Data) -> (Int, Int)? {
        guard data.count >= 24, data.starts(with: PNGChunks.signature) else { return nil }
        let bytes = [UInt8](data.prefix(24))
        let number = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    private static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Adds `tEXt` chunks holding the marker (keyword `Software`) and the layout
    /// fingerprint right after the PNG's header chunk, so a PNG is recognised as generated
    /// like every other output.
    static func finishPNG(_ data: Data, marker: String, fingerprint: String) -> Data {
        PNGChunks.insertingText([("Software", marker), (LayoutFingerprint.keyword, fingerprint)], into: data)
    }
}
