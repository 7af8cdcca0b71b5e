import Foundation

/// What an SVG or PNG was laid out from: a hash of the DOT, the output format, the text
/// metrics and the embedded icons. Two machines with other Graphviz versions (or, for
/// PNG, other fonts) draw the same input with other coordinates; `check` treats an image
/// whose fingerprint matches as up to date, and `check --strict` compares bytes.
///
/// Written into the file itself: an XML comment in SVG, a `tEXt` chunk in PNG.
package enum LayoutFingerprint {
    /// The SVG comment's and PNG chunk's keyword.
    package static let keyword = "topograph-layout"
    /// Bumped when the measurement changes (the metric table, the plugin set), so images
    /// laid out the old way are reported stale.
    static let measurement = "metrics-1"

    /// `fnv1a128:` and 32 hex digits. Not a cryptographic hash: it detects change in our
    /// own output, where no one is forging a collision.
    package static func compute(dot: String, format: String, icons: [Data] = []) -> String {
        var hasher = FNV1a128()
        hasher.add(Data("\(measurement)\u{0}\(format)\u{0}".utf8))
        var dot = dot
        dot.withUTF8 { hasher.add(UnsafeRawBufferPointer($0)) }
        for icon in icons {
            hasher.add(Data("\u{0}icon\u{0}".utf8))
            hasher.add(icon)
        }
        return "fnv1a128:" + hasher.hex
    }

    /// The fingerprint an SVG or PNG carries, if any.
    package static func read(_ data: Data) -> String? {
        if data.starts(with: PNGChunks.signature) {
            return PNGChunks.text(in: data, keyword: keyword)
        }
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        guard let start = head.range(of: "<!-- \(keyword): ") else { return nil }
        guard let end = head[start.upperBound...].range(of: " -->") else { return nil }
        return String(head[start.upperBound..<end.lowerBound])
    }

    /// Whether `old` on disk and `new` as generated now were laid out from the same input.
    package static func sameLayout(_ old: Data, _ new: Data) -> Bool {
        guard let mine = read(new), let theirs = read(old) else { return false }
        return mine == theirs
    }
}

/// FNV-1a over two independent 64-bit lanes (distinct offset bases).
struct FNV1a128 {
    private var low: UInt64 = 0xCBF2_9CE4_8422_2325
    private var high: UInt64 = 0x6C62_272E_07BB_0142
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    mutating func add(_ data: Data) {
        // Over raw bytes: Data's iterator cost ~70 instructions a byte on a 0.7 MB DOT.
        data.withUnsafeBytes { add($0) }
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var low = low, high = high
        for byte in bytes {
            low = (low ^ UInt64(byte)) &* Self.prime
            high = (high ^ UInt64(byte ^ 0x5A)) &* Self.prime
        }
        (self.low, self.high) = (low, high)
    }

    var hex: String {
        String(format: "%016llx%016llx", high, low)
    }
}

/// The few PNG chunk operations the outputs need: insert `tEXt` chunks after the header,
/// read one back.
package enum PNGChunks {
    package static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// `data` with a `tEXt` chunk per entry right after IHDR; `data` itself if it is not a PNG.
    package static func insertingText(_ entries: [(keyword: String, text: String)], into data: Data) -> Data {
        guard data.count > 33, data.starts(with: signature) else { return data }
        let headerEnd = 8 + 4 + 4 + 13 + 4  // signature, IHDR length, type, 13 bytes, CRC
        var result = Data(data.prefix(headerEnd))
        for entry in entries {
            var body = Data("tEXt".utf8)
            body.append(Data(entry.keyword.utf8))
            body.append(0)
            // tEXt is Latin-1; keep it ASCII so every reader agrees.
            body.append(Data(entry.text.unicodeScalars.map { $0.isASCII ? UInt8($0.value) : UInt8(ascii: "?") }))
            result.append(contentsOf: withUnsafeBytes(of: UInt32(body.count - 4).bigEndian, Array.init))
            result.append(body)
            result.append(contentsOf: withUnsafeBytes(of: CRC32.checksum(body).bigEndian, Array.init))
        }
        result.append(data.dropFirst(headerEnd))
        return result
    }

    /// The text of the first `tEXt` chunk named `keyword`.
    package static func text(in data: Data, keyword: String) -> String? {
        let bytes = [UInt8](data)
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let typeStart = offset + 4
            let bodyStart = typeStart + 4
            guard length >= 0, bodyStart + length + 4 <= bytes.count else { return nil }
            let type = String(decoding: bytes[typeStart..<bodyStart], as: UTF8.self)
            if type == "IDAT" || type == "IEND" { return nil }
            if type == "tEXt" {
                let body = bytes[bodyStart..<bodyStart + length]
                if let zero = body.firstIndex(of: 0), String(decoding: body[body.startIndex..<zero], as: UTF8.self) == keyword {
                    return String(decoding: body[(zero + 1)...], as: UTF8.self)
                }
            }
            offset = bodyStart + length + 4
        }
        return nil
    }
}

/// CRC-32 (ISO 3309), as PNG chunks need.
package enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    package static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
