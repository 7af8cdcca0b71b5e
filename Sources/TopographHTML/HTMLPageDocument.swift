import Foundation
import TopographModel

/// The page's markup around its parts. Everything the page runs or styles is inline, and
/// the Content-Security-Policy allows exactly that: the one style sheet and the scripts by
/// their SHA-256, images only as `data:` URIs (the icons), and nothing else: no fetch, no
/// form, no frame, no `<base>`. (`frame-ancestors` and `sandbox` have no effect in a
/// `<meta>` policy, and Chromium reports them as errors, so they are left out.)
struct HTMLPageDocument {
    var title: String
    /// The generated-file marker comment, within the first KiB as `OutputWriter` wants it.
    var marker: String
    var stages: [(name: String, title: String?)]
    /// Each stage's inline `<svg>`, in stage order.
    var drawings: [String]
    var icons: String
    var data: PageData
    var extraScript: String?
    /// Input errors to show above the drawing (`serve`, when the file stopped loading: the
    /// page keeps the last good drawing).
    var errors: [String] = []

    static let script = String(decoding: PackageResources.page_js, as: UTF8.self)
    static let style = String(decoding: PackageResources.page_css, as: UTF8.self)

    /// The policy for a page running `scripts` and styled by `style`. `connect` allows
    /// fetches from the page's own origin (`serve`'s live reload); a file has none.
    static func contentSecurityPolicy(scripts: [String], style: String, connect: Bool = false) -> String {
        [
            "default-src 'none'",
            "img-src data:",
            "style-src \(SHA256.cspSource(style))",
            "script-src " + (scripts.isEmpty ? "'none'" : scripts.map(SHA256.cspSource).joined(separator: " ")),
            connect ? "connect-src 'self'" : nil,
            "base-uri 'none'",
            "form-action 'none'",
        ].compactMap { $0 }.joined(separator: "; ")
    }

    /// Everything up to and including `<body>`: the marker comment (first KiB), the policy,
    /// the title and the one style sheet. Shared by the pages and the docs tree's index.
    static func head(marker: String?, title: String, policy: String, style: String) -> String {
        """
        <!DOCTYPE html>
        \(marker.map { $0 + "\n" } ?? "")<html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(HTMLText.escaped(policy))">
        <meta name="referrer" content="no-referrer">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escaped(title))</title>
        <style>\(style)</style>
        </head>
        <body>

        """
    }

    var html: String {
        let scripts = [Self.script] + (extraScript.map { [$0] } ?? [])
        let policy = Self.contentSecurityPolicy(scripts: scripts, style: Self.style, connect: extraScript != nil)
        let json = (try? JSONOutput.compactData(data)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        var html = Self.head(marker: marker, title: title, policy: policy, style: Self.style) + """
            <header class="tg-header">
            <h1>\(HTMLText.escaped(title))</h1>
            <nav class="tg-stages" aria-label="Stages">

            """
        for stage in stages {
            let tip = stage.title.map { " title=\"\(HTMLText.escaped($0))\"" } ?? ""
            html += "<button type=\"button\" data-stage=\"\(HTMLText.escaped(stage.name))\"\(tip) aria-pressed=\"false\">\(HTMLText.escaped(stage.name))</button>\n"
        }
        html += """
            </nav>
            <div class="tg-search"><input type="search" data-search placeholder="Search ids, labels, names (/)" aria-label="Search resources" autocomplete="off"><ul class="tg-results" data-results hidden></ul></div>
            <div class="tg-tools"><button type="button" data-zoom="in" title="Zoom in (+)">+</button><button type="button" data-zoom="out" title="Zoom out (-)">−</button><button type="button" data-fit title="Fit to screen (0)">Fit</button></div>
            </header>
            <div class="tg-changes" data-changes hidden></div>
            <main class="tg-main">
            <div class="tg-viewport" data-viewport tabindex="0" aria-label="Diagram: drag or use the arrow keys to pan, the wheel or + and - to zoom, 0 to fit">
            <div class="tg-canvas" data-canvas>

            """
        for (index, drawing) in drawings.enumerated() {
            html += "<div class=\"tg-drawing\" data-drawing=\"\(HTMLText.escaped(stages[index].name))\" hidden>\n\(drawing)</div>\n"
        }
        html += """
            </div>
            </div>
            <aside class="tg-panel" data-panel hidden aria-live="polite"></aside>
            </main>
            <p class="tg-error" data-error\(errors.isEmpty ? " hidden" : "")>\(HTMLText.escaped(errors.joined(separator: "\n")))</p>
            \(icons)
            <script type="application/json" id="tg-data">\(ScriptText.embedded(json: json))</script>

            """
        for script in scripts {
            html += "<script>\(script)</script>\n"
        }
        return html + "</body>\n</html>\n"
    }

    /// A page with nothing to draw: the file never loaded. Shows `errors` and runs
    /// `extraScript` (the live reload that replaces it once the file is fixed).
    static func errorPage(title: String, errors: [String], extraScript: String?) -> String {
        let scripts = extraScript.map { [$0] } ?? []
        let policy = contentSecurityPolicy(scripts: scripts, style: style, connect: extraScript != nil)
        var html = head(marker: nil, title: title, policy: policy, style: style) + """
            <header class="tg-header"><h1>\(HTMLText.escaped(title))</h1></header>
            <p class="tg-error" data-error>\(HTMLText.escaped(errors.joined(separator: "\n")))</p>

            """
        for script in scripts { html += "<script>\(script)</script>\n" }
        return html + "</body>\n</html>\n"
    }
}
