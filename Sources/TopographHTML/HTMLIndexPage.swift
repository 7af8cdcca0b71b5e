import Foundation
import TopographModel

/// The docs tree's `index.html`: every topology with its stages, resource count and lint
/// counts, linking to its interactive page. Static: a style sheet and no script, under the
/// same strict policy as the pages.
package struct HTMLIndexPage: Sendable {
    package struct Row: Sendable {
        package var title: String
        /// Relative link to the topology's page (or its index.md when no page is built).
        package var link: String
        package var source: String
        package var stages: [String]
        package var resources: Int
        package var lint: String?
        /// The topology does not load now; the row points at the last good run's files.
        package var broken: Bool

        package init(title: String, link: String, source: String, stages: [String], resources: Int, lint: String?, broken: Bool) {
            self.title = title
            self.link = link
            self.source = source
            self.stages = stages
            self.resources = resources
            self.lint = lint
            self.broken = broken
        }
    }

    package var rows: [Row]

    package init(rows: [Row]) {
        self.rows = rows
    }

    static let style = """
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #232f3e; margin: 32px auto; max-width: 1000px; padding: 0 16px; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #d5dbdb; vertical-align: top; }
        a { color: #0972d3; } code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; } .broken { color: #cf222e; }
        """

    package var html: String {
        let policy = HTMLPageDocument.contentSecurityPolicy(scripts: [], style: Self.style)
        let marker = "<!-- \(GeneratedMarker.phrase) from \(rows.count) topology file\(rows.count == 1 ? "" : "s"); regenerate with `topograph generate` instead of editing this file -->"
        var html = HTMLPageDocument.head(marker: marker, title: "Architecture", policy: policy, style: Self.style) + """
            <h1>Architecture</h1>

            """
        if rows.isEmpty {
            return html + "<p>No topology could be generated.</p>\n</body>\n</html>\n"
        }
        html += "<table>\n<thead><tr><th>Architecture</th><th>Stages</th><th>Resources</th><th>Lint</th><th>Source</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let link = "<a href=\"\(HTMLText.escaped(LinkText.attributeSafe(row.link)))\">\(HTMLText.escaped(row.title))</a>"
            if row.broken {
                html += "<tr><td>\(link) <span class=\"broken\">broken: the topology has errors (<code>topograph validate</code> shows them); these pages are from the last good run</span></td><td>—</td><td>—</td><td>—</td><td><code>\(HTMLText.escaped(row.source))</code></td></tr>\n"
                continue
            }
            let stages = row.stages.isEmpty ? "—" : row.stages.map(HTMLText.escaped).joined(separator: " → ")
            html += "<tr><td>\(link)</td><td>\(stages)</td><td>\(row.resources)</td><td>\(HTMLText.escaped(row.lint ?? "—"))</td><td><code>\(HTMLText.escaped(row.source))</code></td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</body>\n</html>\n"
    }
}
