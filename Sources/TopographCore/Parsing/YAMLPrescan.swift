import Foundation

/// A lexical pass over the raw text before Yams sees it. Yams' composer recurses once per
/// nesting level and hashes mapping keys deeply, so nesting depth and complex keys must be
/// bounded before composing, not after. The scan over-estimates depth slightly (it is
/// lexical), which only matters for files far beyond any real topology.
struct YAMLPrescan {
    let file: String
    let limits: InputLimits

    func check(_ text: String) -> Diagnostic? {
        var flowDepth = 0
        var indentStack: [Int] = []
        var blockScalarIndent: Int?
        var line = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let scalars = Array(rawLine.unicodeScalars)
            var indent = 0
            while indent < scalars.count, scalars[indent] == " " { indent += 1 }
            let isBlank = indent == scalars.count || scalars[indent] == "#" || scalars[indent] == "\r"
            if let scalarIndent = blockScalarIndent {
                if isBlank || indent > scalarIndent { continue }
                blockScalarIndent = nil
            }
            if isBlank { continue }
            if flowDepth == 0 {
                while let last = indentStack.last, last >= indent { indentStack.removeLast() }
                indentStack.append(indent)
            }
            // `- - - x` nests one sequence per dash on a single line.
            var dashes = 0
            var position = indent
            while position + 1 < scalars.count, scalars[position] == "-", scalars[position + 1] == " " {
                dashes += 1
                position += 2
                while position < scalars.count, scalars[position] == " " { position += 1 }
            }
            if position < scalars.count, scalars[position] == "?", position + 1 == scalars.count || scalars[position + 1] == " " {
                return Diagnostic(
                    .error, code: "complex-key", "complex mapping keys (`? key`) are not supported",
                    at: SourceLocation(file: file, line: line, column: position + 1),
                    help: "write the key as a plain string")
            }
            var quote: Unicode.Scalar?
            var previous: Unicode.Scalar = " "
            var column = position
            var lastSignificant: Unicode.Scalar = " "
            while column < scalars.count {
                let scalar = scalars[column]
                if let open = quote {
                    if open == "\"", scalar == "\\" {
                        column += 2
                        continue
                    }
                    if scalar == open { quote = nil }
                } else {
                    switch scalar {
                    case "\"", "'":
                        if previous == " " || previous == "[" || previous == "{" || previous == "," || previous == ":" || column == position {
                            quote = scalar
                        }
                    case "#" where previous == " " || previous == "\t":
                        column = scalars.count
                        continue
                    case "[", "{":
                        flowDepth += 1
                        let depth = flowDepth + indentStack.count + dashes
                        if depth > limits.maxDepth {
                            return depthError(line: line, column: column + 1)
                        }
                    case "]", "}":
                        flowDepth = max(0, flowDepth - 1)
                    default:
                        break
                    }
                    if scalar != " " && scalar != "\t" && scalar != "\r" { lastSignificant = scalar }
                }
                previous = scalar
                column += 1
            }
            if indentStack.count + dashes > limits.maxDepth {
                return depthError(line: line, column: indent + 1)
            }
            // A line ending in a block scalar indicator (`|`, `>-`, `|2` ...) starts text whose
            // indentation is content, not structure.
            let trimmed = String(String.UnicodeScalarView(scalars)).trimmingTrailingCommentAndSpace()
            if quote == nil, lastSignificant != " ", let indicator = trimmed.blockScalarIndicatorSuffix, !indicator.isEmpty {
                blockScalarIndent = indent
            }
        }
        return nil
    }

    private func depthError(line: Int, column: Int) -> Diagnostic {
        Diagnostic(
            .error, code: "input-too-deep", "the YAML nests more than \(limits.maxDepth) levels deep",
            at: SourceLocation(file: file, line: line, column: column),
            help: "a topology needs only a few levels (resources > resource > attribute); flatten this structure")
    }
}

extension String {
    fileprivate func trimmingTrailingCommentAndSpace() -> String {
        var result = self
        if let range = result.range(of: " #") { result = String(result[..<range.lowerBound]) }
        while let last = result.last, last == " " || last == "\r" || last == "\t" { result.removeLast() }
        return result
    }

    /// The block scalar header at the end of a line (`key: |`, `- >-`), if any.
    fileprivate var blockScalarIndicatorSuffix: String? {
        let pattern = #"(^|[:\-]\s+|^\s*)[|>][0-9+\-]{0,2}$"#
        return range(of: pattern, options: .regularExpression).map { String(self[$0]) }
    }
}
