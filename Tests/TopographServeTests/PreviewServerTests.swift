import Testing
@testable import TopographServe

@Suite struct PreviewServerTests {
    @Test func onlyTheRootAndThePagesTheIndexLinksAreServed() {
        #expect(PreviewServer.resource("/", pages: 1) == .page(0))
        #expect(PreviewServer.resource("/", pages: 3) == .index)
        #expect(PreviewServer.resource("/p/0", pages: 3) == .page(0))
        #expect(PreviewServer.resource("/p/2", pages: 3) == .page(2))
        // One past the last page, other spellings of a page, and anything path-like.
        for path in ["/p/3", "/p/-1", "/p/+1", "/p/01", "/p/%31", "/p/1/", "/p/", "/p", "", "//", "/index.html",
                     "/../../etc/passwd", "/p/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%c0%af..%c0%afetc/passwd",
                     "/p/99999999999999999999999"] {
            #expect(PreviewServer.resource(path, pages: 3) == nil, "\(path)")
        }
    }
}
