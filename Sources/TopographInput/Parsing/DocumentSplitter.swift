/// Cuts a large topology into pieces that Yams composes on several cores at once (#22: a
/// 10,000-resource file spent two thirds of its time in one thread composing and reading).
///
/// A piece is the whole text with every line that is not its own left empty: an empty line
/// is nothing in YAML, so each piece is a topology of its own and every line and column Yams
/// reports is the file's. Piece 0 keeps everything but the tail of the bulk sections; each
/// other piece keeps one run of `resources:` and `connections:` entries under their headers.
///
/// Cuts fall only before an entry written at its section's own indentation, in block style.
/// No scalar, flow collection or block scalar continues across such a line, so a piece reads
/// exactly as its lines read in the whole file. When one does not (a flow collection cut in
/// two, an alias whose anchor is in another piece, a key repeated across pieces), the caller
/// reads the file in one piece, which reports it as it always has.
struct DocumentSplitter {
    static let bulkSections = ["resources", "connections"]

    private struct Line {
        var start: Int
        /// Index of the line's `\n`, or the end of the text.
        var end: Int
        var indent: Int
    }

    private let bytes: [UInt8]
    private var lines: [Line] = []

    private init(_ text: String) {
        bytes = Array(text.utf8)
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var indent = 0
            while start + indent < end, bytes[start + indent] == UInt8(ascii: " ") { indent += 1 }
            lines.append(Line(start: start, end: end, indent: indent))
            start = end + 1
        }
    }

    /// `count` texts, or nil when there is nowhere to cut, or the text holds what pieces
    /// cannot share: directives, several documents, a top-level key twice, a top level not
    /// written in block style.
    static func pieces(of text: String, count: Int) -> [String]? {
        guard count > 1 else { return nil }
        return DocumentSplitter(text).pieces(count)
    }

    private func pieces(_ count: Int) -> [String]? {
        guard let sections = topLevelKeys() else { return nil }
        // Each bulk section: its header line and the entry lines it may be cut before.
        var bodies: [(header: Int, body: Range<Int>, cuts: [Int])] = []
        for (offset, section) in sections.enumerated() where Self.bulkSections.contains(section.key) {
            let bodyEnd = offset + 1 < sections.count ? sections[offset + 1].line : lines.count
            guard isPlainHeader(section.line), let cuts = entryLines(section.key, in: section.line + 1..<bodyEnd) else { continue }
            bodies.append((section.line, section.line + 1..<bodyEnd, cuts))
        }
        let cuts = chooseCuts(bodies.flatMap(\.cuts), bulk: bodies.map(\.body), count: count)
        guard !cuts.isEmpty else { return nil }

        // Which piece each line belongs to; headers belong to piece 0 and to every piece
        // that holds an entry of their section.
        var owner = [Int](repeating: 0, count: lines.count)
        var headers: [Int: Set<Int>] = [:]
        for body in bodies {
            for line in body.body {
                owner[line] = cuts.lastIndex { $0 <= line }.map { $0 + 1 } ?? 0
                headers[body.header, default: [0]].insert(owner[line])
            }
        }
        return (0...cuts.count).map { piece in
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count)
            for (index, line) in lines.enumerated() {
                let keep = headers[index].map { $0.contains(piece) } ?? (owner[index] == piece)
                if keep { text.append(contentsOf: bytes[line.start..<line.end]) }
                if line.end < bytes.count { text.append(UInt8(ascii: "\n")) }
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// The lines that start top-level keys, with the keys; nil for anything but a block
    /// mapping of plain keys, each once, in a single document without directives.
    private func topLevelKeys() -> [(line: Int, key: String)]? {
        var keys: [(line: Int, key: String)] = []
        var seen: Set<String> = []
        for (index, line) in lines.enumerated() where line.start < line.end && line.indent == 0 {
            let first = bytes[line.start]
            if first == UInt8(ascii: "#") || first == UInt8(ascii: "\r") { continue }
            if first == UInt8(ascii: "-"), line.start + 1 == line.end || [UInt8(ascii: " "), UInt8(ascii: "\r")].contains(bytes[line.start + 1]) {
                continue  // an entry of a block sequence written at column 0 (`connections:` then `- a -> b`)
            }
            var end = line.start
            while end < line.end, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end]) || bytes[end] == UInt8(ascii: "_") { end += 1 }
            guard end > line.start, end < line.end, bytes[end] == UInt8(ascii: ":"),
                  end + 1 == line.end || [UInt8(ascii: " "), UInt8(ascii: "\r")].contains(bytes[end + 1]) else { return nil }
            let key = String(decoding: bytes[line.start..<end], as: UTF8.self)
            guard seen.insert(key).inserted else { return nil }
            keys.append((index, key))
        }
        return keys
    }

    /// `resources:` with nothing after it but spaces or a comment: no anchor, tag or flow value.
    private func isPlainHeader(_ index: Int) -> Bool {
        let line = lines[index]
        var position = line.start
        while position < line.end, bytes[position] != UInt8(ascii: ":") { position += 1 }
        position += 1
        while position < line.end, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\r") { position += 1 }
        return position >= line.end || bytes[position] == UInt8(ascii: "#")
    }

    /// Lines that start an entry of the section at its own indentation (after the first
    /// entry); nil when some line is indented less than the entries, which block style forbids.
    private func entryLines(_ section: String, in body: Range<Int>) -> [Int]? {
        var indent: Int?
        var entries: [Int] = []
        for index in body {
            let line = lines[index]
            let content = line.start + line.indent
            guard content < line.end, bytes[content] != UInt8(ascii: "#"), bytes[content] != UInt8(ascii: "\r") else { continue }
            guard let entryIndent = indent else {
                indent = line.indent
                continue
            }
            if line.indent < entryIndent { return nil }
            guard line.indent == entryIndent else { continue }
            let first = bytes[content]
            let startsEntry = section == "connections"
                ? first == UInt8(ascii: "-") && (content + 1 == line.end || bytes[content + 1] == UInt8(ascii: " "))
                : (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
            if startsEntry { entries.append(index) }
        }
        // Mapping entries must be indented under their header; list entries may sit at column 0.
        if section != "connections", indent == 0 { return nil }
        return entries
    }

    /// Up to `count - 1` cut lines that split the bulk sections' bytes most evenly.
    private func chooseCuts(_ candidates: [Int], bulk: [Range<Int>], count: Int) -> [Int] {
        guard !candidates.isEmpty else { return [] }
        // Bytes of bulk lines before each candidate.
        var before: [Int] = []
        var total = 0
        var next = 0
        for body in bulk {
            for index in body {
                if next < candidates.count, candidates[next] == index {
                    before.append(total)
                    next += 1
                }
                total += lines[index].end - lines[index].start + 1
            }
        }
        var cuts: [Int] = []
        for piece in 1..<count {
            let target = total * piece / count
            var best = 0
            for (offset, bytesBefore) in before.enumerated() where abs(bytesBefore - target) < abs(before[best] - target) { best = offset }
            if cuts.last.map({ $0 < candidates[best] }) ?? true { cuts.append(candidates[best]) }
        }
        return cuts
    }
}
