"""Renders `topograph diff --format markdown` comments the way GitHub does (CommonMark with
GFM tables, strikethrough and autolinks, raw HTML on) with markdown-it-py, and fails if
anything a topology wrote came out live: an element or attribute the comment template does
not emit, a second HTML comment, a second <details>. With --expect-text FILE, every line of
FILE must also appear in the rendered text, literally (escaping must not mangle values).

usage: diff-markdown-check.py [--expect-text FILE] COMMENT.md...
"""
import sys
from html.parser import HTMLParser

from markdown_it import MarkdownIt

# What the template itself produces: headings, paragraphs, tables, code spans, the summary
# line in bold, one <details open><summary> around one fenced Mermaid block.
ALLOWED = {"h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "strong", "details", "summary"}
ALLOWED_ATTRIBUTES = {("details", "open"), ("code", "class")}
MARKER = " topograph-diff "


class Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.counts = {}
        self.comments = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag not in ALLOWED:
            self.problems.append(f"live <{tag}> element")
        for name, value in attrs:
            if (tag, name) not in ALLOWED_ATTRIBUTES or (name == "class" and value != "language-mermaid"):
                self.problems.append(f"attribute {name}={value!r} on <{tag}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data):
        self.comments.append(data)

    def handle_data(self, data):
        self.text.append(data)


def main(argv):
    expected = []
    if argv[:1] == ["--expect-text"]:
        expected = [line for line in open(argv[1], encoding="utf-8").read().splitlines() if line]
        argv = argv[2:]
    md = MarkdownIt("commonmark", {"html": True, "linkify": True}).enable(["table", "strikethrough", "linkify"])
    failures = 0
    for path in argv:
        source = open(path, encoding="utf-8").read()
        collector = Collector()
        collector.feed(md.render(source))
        problems = list(collector.problems)
        if collector.comments != [MARKER]:
            problems.append(f"HTML comments {collector.comments!r}: only the marker may be one")
        for tag in ("details", "summary", "pre"):
            if collector.counts.get(tag, 0) > 1:
                problems.append(f"{collector.counts[tag]} <{tag}> elements: the template writes one")
        if collector.counts.get("strong", 0) > 1:
            problems.append("bold text besides the summary line")
        text = "".join(collector.text)
        for wanted in expected:
            if wanted not in text:
                problems.append(f"text {wanted!r} is not shown as written")
        if problems:
            failures += 1
            print(f"{path}:")
            for problem in dict.fromkeys(problems):
                print(f"  {problem}")
    print(f"diff markdown: {len(argv) - failures} safe, {failures} with live HTML")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
