/// How wide Mermaid's default font draws a label, in px. Mermaid asks for "trebuchet ms",
/// verdana, arial, sans-serif; GitHub's readers mostly get Trebuchet or Verdana, a machine
/// with only DejaVu (as CI here) gets DejaVu Sans, which is the widest of them. The table
/// is DejaVu Sans' advance widths (per 1000 em, measured in Chromium's canvas), so an
/// estimate made with it errs on the wide side everywhere else.
enum MermaidTextWidth {
    /// Mermaid's flowchart font size, and `<small>` (CSS `smaller`) as Chromium draws it.
    static let fontSize = 16.0
    static let smallFontSize = 40.0 / 3.0
    /// Mermaid wraps a label at this width (`flowchart.wrappingWidth`).
    static let wrappingWidth = 200.0

    /// Width of one line of text at `size` px.
    static func line(_ text: String, size: Double = fontSize) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            units += advance(scalar)
        }
        return Double(units) * size / 1000
    }

    /// The widest line of a multi-line label (lines split at newlines), capped where Mermaid
    /// wraps it.
    static func label(_ text: String, size: Double = fontSize) -> Double {
        let widest = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line(String($0), size: size) }.max() ?? 0
        return min(widest, wrappingWidth)
    }

    /// Lines the label takes once wrapped at `wrappingWidth` (roughly: by width, not words).
    static func lines(_ text: String, size: Double = fontSize) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { count, line in
            count + max(1, Int((self.line(String(line), size: size) / wrappingWidth).rounded(.up)))
        }
    }

    private static func advance(_ scalar: Unicode.Scalar) -> Int {
        let value = Int(scalar.value)
        if value >= 32, value < 127 { return ascii[value - 32] }
        switch value {
        case 0xB7: return 318  // ·
        case 0xD7: return 838  // ×
        case 0x2026: return 1000  // …
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0x1F300...0x1FAFF:
            return 1000  // wide scripts and emoji
        default: return 640
        }
    }

    /// DejaVu Sans, " " (32) through "~" (126).
    private static let ascii: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]
}
