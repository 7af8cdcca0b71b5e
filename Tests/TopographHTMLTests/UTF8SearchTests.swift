import Testing
@testable import TopographHTML

@Suite struct UTF8SearchTests {
    @Test func findsTheFirstOccurrenceAsIndicesOfTheStringSearched() {
        let text = "é <g id=\"a\"> ü <g id=\"b\">"
        let first = text.firstUTF8Range(of: "<g id=\"")
        #expect(first.map { String(text[$0.upperBound...]) } == "a\"> ü <g id=\"b\">")
        // In a substring the range is the substring's (the same indices as its base).
        let rest = text[first!.upperBound...]
        let second = rest.firstUTF8Range(of: "<g id=\"")
        #expect(second.map { String(rest[$0.upperBound...]) } == "b\">")
        #expect(second.map { String(text[$0]) } == "<g id=\"")
    }

    @Test func matchesBytesOnlyAtCandidatesThatContinue() {
        #expect("aaab".firstUTF8Range(of: "aab").map { "aaab".utf8.distance(from: "aaab".startIndex, to: $0.lowerBound) } == 1)
        #expect("`web`".firstUTF8Range(of: "`web`") != nil)
        #expect("`web-1`".firstUTF8Range(of: "`web`") == nil)
        #expect("ab".firstUTF8Range(of: "abc") == nil)
        #expect("".firstUTF8Range(of: "a") == nil)
        #expect("abc".firstUTF8Range(of: "") == nil)
        #expect("x</defs>".firstUTF8Range(of: "</defs>").map { String("x</defs>"[$0]) } == "</defs>")
    }
}
