import Foundation
import TopographModel

/// Finishing touches on what Graphviz wrote, so the files stand on their own: the
/// generated-by marker, and icons embedded as data URIs instead of local paths.
enum GraphvizOutput {
    /// Puts the marker comment right after the XML declaration, where `OutputWriter`
    /// looks for it, and replaces icon file paths by their bytes.
    static func finishSVG(_ data: Data, marker: String, icons: [String]) -> Data {
        var text = String(decoding: data, as: UTF8.self)
        let comment = "<!-- \(marker.replacingOccurrences(of: "--", with: "- -")) -->\n"
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

    /// Adds a `tEXt` chunk (keyword `Software`) holding the marker right after the PNG's
    /// header chunk, so a PNG is recognised as generated like every other output.
    static func finishPNG(_ data: Data, marker: String) -> Data {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard data.count > 33, Array(data.prefix(8)) == signature else { return data }
        let headerEnd = 8 + 4 + 4 + 13 + 4  // signature, IHDR length, type, 13 bytes, CRC
        var body = Data("tEXt".utf8)
        body.append(Data("Software".utf8))
        body.append(0)
        body.append(Data(marker.unicodeScalars.map { $0.isASCII ? Character($0) : "?" }.map { String($0) }.joined().utf8))
        var chunk = Data()
        chunk.append(contentsOf: withUnsafeBytes(of: UInt32(body.count - 4).bigEndian, Array.init))
        chunk.append(body)
        chunk.append(contentsOf: withUnsafeBytes(of: CRC32.checksum(body).bigEndian, Array.init))
        var result = Data(data.prefix(headerEnd))
        result.append(chunk)
        result.append(data.dropFirst(headerEnd))
        return result
    }
}

/// CRC-32 (ISO 3309), as PNG chunks need.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
