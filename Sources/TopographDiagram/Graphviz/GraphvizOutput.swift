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
        for path in icons {
            guard let bytes = FileManager.default.contents(atPath: path) else { continue }
            let type = path.hasSuffix(".svg") ? "image/svg+xml" : "image/png"
            let uri = "data:\(type);base64,\(bytes.base64EncodedString())"
            text = text.replacingOccurrences(of: "xlink:href=\"\(xmlEscaped(path))\"", with: "xlink:href=\"\(uri)\"")
        }
        return Data(text.utf8)
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
