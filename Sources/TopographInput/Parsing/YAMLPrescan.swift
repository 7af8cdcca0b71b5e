import TopographModel

/// A lexical pass over the raw bytes before Yams sees them. Yams' composer recurses once
/// per nesting level and hashes mapping keys deeply, so nesting depth and complex keys
/// must be bounded before composing, not after. The scan over-estimates depth slightly
/// (it is lexical), which only matters for files far beyond any real topology.
package struct YAMLPrescan {
    let file: String
    let limits: InputLimits

    package init(file: String, limits: InputLimits) {
        self.file = file
        self.limits = limits
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let cr = UInt8(ascii: "\r")
    private static let newline = UInt8(ascii: "\n")

    package func check(_ text: String) -> Diagnostic? {
        var text = text
        return text.withUTF8 { check(bytes: $0) }
    }

    private func check(bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic? {
        var flowDepth = 0
        var indentStack: [Int] = []
        var blockScalarIndent: Int?
        var line = 0
        var lineStart = 0
        let count = bytes.count
        while lineStart <= count {
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != Self.newline { lineEnd += 1 }
            line += 1
            defer { lineStart = lineEnd + 1 }
            if let problem = scanLine(bytes, lineStart, lineEnd, line: line, flowDepth: &flowDepth, indentStack: &indentStack, blockScalarIndent: &blockScalarIndent) {
                return problem
            }
            if lineEnd >= count { break }
        }
        return nil
    }

    private func scanLine(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int,
        flowDepth: inout Int, indentStack: inout [Int], blockScalarIndent: inout Int?
    ) -> Diagnostic? {
        func column(_ index: Int) -> Int {
            // Columns count Unicode scalars, as libyaml does: skip UTF-8 continuation bytes.
            var scalars = 1
            var position = start
            while position < index {
                if bytes[position] & 0xC0 != 0x80 { scalars += 1 }
                position += 1
            }
            return scalars
        }
        var indent = 0
        while start + indent < end, bytes[start + indent] == Self.space { indent += 1 }
        let contentStart = start + indent
        let isBlank = contentStart >= end || bytes[contentStart] == UInt8(ascii: "#") || bytes[contentStart] == Self.cr
        if let scalarIndent = blockScalarIndent {
            if isBlank || indent > scalarIndent { return nil }
            blockScalarIndent = nil
        }
        if isBlank { return nil }
        if flowDepth == 0 {
            while let last = indentStack.last, last >= indent { indentStack.removeLast() }
            indentStack.append(indent)
        }
        // `- - - x` nests one sequence per dash on a single line.
        var dashes = 0
        var position = contentStart
        while position + 1 < end, bytes[position] == UInt8(ascii: "-"), bytes[position + 1] == Self.space {
            dashes += 1
            position += 2
            while position < end, bytes[position] == Self.space { position += 1 }
        }
        if position < end, bytes[position] == UInt8(ascii: "?"), position + 1 == end || bytes[position + 1] == Self.space {
            return Diagnostic(
                .error, code: .complexKey, "complex mapping keys (`? key`) are not supported",
                at: SourceLocation(file: file, line: line, column: column(position)),
                help: "write the key as a plain string")
        }
        if indentStack.count + dashes > limits.maxDepth {
            return depthError(line: line, column: indent + 1)
        }
        var quote: UInt8?
        var previous = Self.space
        var tokenStart = position
        var tokenEnd = position
        var index = position
        while index < end {
            let byte = bytes[index]
            if let open = quote {
                if open == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == open { quote = nil }
                tokenEnd = index + 1
            } else {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if [Self.space, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":")].contains(previous) || index == position {
                        quote = byte
                    }
                case UInt8(ascii: "#") where previous == Self.space || previous == Self.tab:
                    index = end
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    if flowDepth + indentStack.count + dashes > limits.maxDepth {
                        return depthError(line: line, column: column(index))
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1)
                default:
                    break
                }
                if byte == Self.space || byte == Self.tab || byte == Self.cr {
                    if previous != Self.space && previous != Self.tab { tokenEnd = index }
                } else {
                    if previous == Self.space || previous == Self.tab || index == position { tokenStart = index }
                    tokenEnd = index + 1
                }
            }
            previous = byte
            index += 1
        }
        // A line ending in a block scalar header (`key: |`, `- >-`, `|2`) starts text whose
        // indentation is content, not structure.
        if quote == nil, isBlockScalarHeader(bytes, tokenStart, tokenEnd) {
            blockScalarIndent = indent
        }
        return nil
    }

    private func isBlockScalarHeader(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end > start, end - start <= 3 else { return false }
        guard bytes[start] == UInt8(ascii: "|") || bytes[start] == UInt8(ascii: ">") else { return false }
        for index in (start + 1)..<end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
        }
        return true
    }

    private func depthError(line: Int, column: Int) -> Diagnostic {
        Diagnostic(
            .error, code: .inputTooDeep, "the YAML nests more than \(limits.maxDepth) levels deep",
            at: SourceLocation(file: file, line: line, column: column),
            help: "a topology needs only a few levels (resources > resource > attribute); flatten this structure")
    }
}
