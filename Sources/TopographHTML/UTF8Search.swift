import Foundation

extension StringProtocol {
    /// The first occurrence of `needle`, found in the UTF-8 bytes (`memchr`, `memcmp`). Foundation's
    /// `range(of:)` converts to UTF-16 offsets on every call and the standard library's
    /// generic `firstRange(of:)` compares element by element; on a 50-resource page
    /// either made the SVG and runbook passes a third of the page's time. Byte equality
    /// is what the callers mean: Graphviz's markup and Markdown written by the templates.
    func firstUTF8Range(of needle: String) -> Range<String.Index>? {
        // A string not stored as contiguous UTF-8 (bridged) is searched as a copy; the
        // byte offset is the same in both.
        let stored = utf8.withContiguousStorageIfAvailable { Self.offset(of: needle, in: $0) }
        guard let offset = stored ?? String(self).utf8.withContiguousStorageIfAvailable({ Self.offset(of: needle, in: $0) }) ?? nil else {
            return nil
        }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    private static func offset(of needle: String, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard let base = haystack.baseAddress, let wanted = pattern.baseAddress, !pattern.isEmpty,
                  pattern.count <= haystack.count else { return nil }
            // memchr to each candidate first byte, memcmp for the rest (memmem is not in
            // every C library Swift imports).
            let last = haystack.count - pattern.count
            var from = 0
            while from <= last, let hit = memchr(base + from, Int32(pattern[0]), last - from + 1) {
                let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + at, wanted, pattern.count) == 0 { return at }
                from = at + 1
            }
            return nil
        }
    }
}
