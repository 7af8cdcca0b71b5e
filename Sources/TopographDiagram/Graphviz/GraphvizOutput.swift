import Foundation
import TopographModel

/// Finishing touches on what Graphviz wrote, so the files stand on their own: the
/// generated-by marker, the layout fingerprint, and icons embedded as data URIs instead
/// of local paths.
enum GraphvizOutput {
    /// Puts the marker and fingerprint comments right after the XML declaration, where
    /// `OutputWriter` and `LayoutFingerprint` look for them, and replaces icon file paths
    /// by their bytes. Works on the UTF-8 bytes: at 1,000 services the SVG is 2.5 MB, and
    /// bridging it to a Foundation string and back cost a tenth of the whole render.
    static func finishSVG(_ data: Data, marker: String, fingerprint: String, icons: [String]) -> Data {
        let comment = "<!-- \(marker.replacingOccurrences(of: "--", with: "- -")) -->\n"
            + "<!-- \(LayoutFingerprint.keyword): \(fingerprint) -->\n"
        var bytes = [UInt8](data)
        if let declarationEnd = ByteSearch.first(Array("?>\n".utf8), in: bytes) {
            bytes.insert(contentsOf: comment.utf8, at: declarationEnd + 3)
        } else {
            bytes.insert(contentsOf: comment.utf8, at: 0)
        }
        return Data(embeddingIcons(bytes, icons: icons))
    }

    /// Each icon's bytes once, as a `<symbol>` in `<defs>`; every `<image>` Graphviz wrote
    /// for it becomes a `<use>` of that symbol. (A data URI per node made a 100-service SVG
    /// 600 KB and took half a second of string replacing.) One pass over the bytes, reading
    /// the `<image xlink:href="P" width="Wpx" height="Hpx" preserveAspectRatio="..." x="X"
    /// y="Y"/>` elements Graphviz's SVG renderer writes.
    static func embeddingIcons(_ svg: [UInt8], icons: [String]) -> [UInt8] {
        let imageOpen = Array("<image xlink:href=\"".utf8)
        guard !icons.isEmpty, ByteSearch.first(imageOpen, in: svg) != nil else { return svg }
        var symbols: [[UInt8]: String] = [:]
        var defs = ""
        for path in icons {
            guard let bytes = FileManager.default.contents(atPath: path) else { continue }
            let isSVG = path.lowercased().hasSuffix(".svg")
            let size = isSVG ? (48, 48) : pngSize(bytes) ?? (64, 64)
            let id = "tg-icon-\(symbols.count + 1)"
            symbols[Array(xmlEscaped(path).utf8)] = id
            defs += "<symbol id=\"\(id)\" viewBox=\"0 0 \(size.0) \(size.1)\"><image width=\"\(size.0)\" height=\"\(size.1)\" "
                + "xlink:href=\"data:\(isSVG ? "image/svg+xml" : "image/png");base64,\(bytes.base64EncodedString())\"/></symbol>\n"
        }
        var result: [UInt8] = []
        result.reserveCapacity(svg.count + defs.utf8.count)
        var cursor = 0
        var searchFrom = 0
        while let start = ByteSearch.first(imageOpen, in: svg, from: searchFrom) {
            searchFrom = start + 1
            guard let image = ImageElement(svg, at: start + imageOpen.count), let id = symbols[Array(svg[image.href])] else { continue }
            result.append(contentsOf: svg[cursor..<start])
            let field = { (range: Range<Int>) in String(decoding: svg[range], as: UTF8.self) }
            result.append(contentsOf: "<use xlink:href=\"#\(id)\" x=\"\(field(image.x))\" y=\"\(field(image.y))\" width=\"\(field(image.width))\" height=\"\(field(image.height))\"/>".utf8)
            cursor = image.end
            searchFrom = image.end
        }
        result.append(contentsOf: svg[cursor...])
        // The symbols go first inside the root <svg> element.
        guard let open = ByteSearch.first(Array("<svg ".utf8), in: result),
              let close = result[(open + 5)...].firstIndex(of: UInt8(ascii: ">")) else { return result }
        result.insert(contentsOf: ("\n<defs>\n" + defs + "</defs>").utf8, at: close + 1)
        return result
    }

    /// The fields of one `<image>` element, read after its `<image xlink:href="`; nil when
    /// the element is not in the form Graphviz writes (it is then left as it is).
    private struct ImageElement {
        var href: Range<Int>, width: Range<Int>, height: Range<Int>, x: Range<Int>, y: Range<Int>
        var end: Int

        init?(_ bytes: [UInt8], at offset: Int) {
            var index = offset
            func take(while accepted: (UInt8) -> Bool) -> Range<Int>? {
                let start = index
                while index < bytes.count, accepted(bytes[index]) { index += 1 }
                return index > start ? start..<index : nil
            }
            func expect(_ literal: String) -> Bool {
                for byte in literal.utf8 {
                    guard index < bytes.count, bytes[index] == byte else { return false }
                    index += 1
                }
                return true
            }
            let quote = UInt8(ascii: "\"")
            let number = { (byte: UInt8) in (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") }
            let signed = { (byte: UInt8) in number(byte) || byte == UInt8(ascii: "-") }
            let hrefStart = index
            _ = take { $0 != quote }
            href = hrefStart..<index
            guard expect("\" width=\""), let width = take(while: number), expect("px\" height=\""),
                  let height = take(while: number), expect("px\" preserveAspectRatio=\"") else { return nil }
            _ = take { $0 != quote }
            guard expect("\" x=\""), let x = take(while: signed), expect("\" y=\""), let y = take(while: signed),
                  expect("\"/>") else { return nil }
            (self.width, self.height, self.x, self.y, end) = (width, height, x, y, index)
        }
    }

    /// The layout fingerprint of `dot`, with each icon counted by the kind or frame it
    /// draws (`files`' key) and its bytes rather than by the path of a file on this machine
    /// (the DOT names the downscaled copy), so two machines agree. `used`: the icon paths
    /// the diagram shows.
    static func fingerprint(dot: String, format: String, files: [String: String], used: [String]) -> String {
        var portable = Array(dot.utf8)
        var bytes: [Data] = []
        var seen: Set<String> = []
        for (key, path) in files.sorted(by: { $0.key < $1.key }) where used.contains(path) && seen.insert(path).inserted {
            portable = ByteSearch.replacing(Array(DOTText.html(path).utf8), with: Array("icon:\(key)".utf8), in: portable)
            bytes.append(FileManager.default.contents(atPath: path) ?? Data())
        }
        return LayoutFingerprint.compute(dot: String(decoding: portable, as: UTF8.self), format: format, icons: bytes)
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

/// Substring search on UTF-8 bytes (`memchr` for the first byte, then a compare), for
/// the multi-megabyte SVG and DOT texts of large diagrams.
enum ByteSearch {
    static func first(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard let head = needle.first, start >= 0, needle.count <= haystack.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = hay.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                var index = start
                let last = hay.count - pattern.count
                while index <= last {
                    guard let found = memchr(base + index, Int32(head), last - index + 1) else { return nil }
                    let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, patternBase, pattern.count) == 0 { return position }
                    index = position + 1
                }
                return nil
            }
        }
    }

    /// `haystack` with every non-overlapping occurrence of `needle`, left to right, replaced.
    static func replacing(_ needle: [UInt8], with replacement: [UInt8], in haystack: [UInt8]) -> [UInt8] {
        guard !needle.isEmpty, var found = first(needle, in: haystack) else { return haystack }
        var result: [UInt8] = []
        result.reserveCapacity(haystack.count)
        var cursor = 0
        while true {
            result.append(contentsOf: haystack[cursor..<found])
            result.append(contentsOf: replacement)
            cursor = found + needle.count
            guard let next = first(needle, in: haystack, from: cursor) else { break }
            found = next
        }
        result.append(contentsOf: haystack[cursor...])
        return result
    }
}
