"""Renders generated Markdown pages with markdown-it-py, raw HTML allowed (as GitHub and
MkDocs allow it), and fails on anything a topology value could have made live.

  markdown-inert.py [--hostile DIR --twin DIR --payloads FILE] PAGE_DIR...

For every page under each PAGE_DIR:
  - raw HTML: only Topograph's own comments (the generated-by marker and keep-block
    markers) and its `<a id="stage-...">` anchors may appear;
  - links and images: only relative paths, `#` fragments and http(s) URLs.
With --hostile/--twin (the same topology generated once with hostile values and once with
plain ones in their place), each hostile page must have the block structure of its twin
(headings, fences with their info strings, tables with their row and column counts: a
value cannot add, end or flip one), and every payload in FILE (one JSON string per line)
must appear somewhere as rendered text, whole: it was shown, not interpreted.
"""
import html
import json
import pathlib
import re
import sys
from html.parser import HTMLParser

from markdown_it import MarkdownIt

md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

# Topograph's own raw HTML: comments (the generated-by marker, keep-block markers) that
# close exactly once at their end, and the stage anchors of index pages.
COMMENTS = re.compile(r"^(?:\s*<!--(?!-?>)(?:(?!--).)*-->\s*)+$", re.S)
ANCHOR = re.compile(r'^\s*<a id="stage-[a-z0-9._-]+"></a>\s*$')


def html_allowed(content):
    return bool(COMMENTS.match(content) or ANCHOR.match(content))


def walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from walk(token.children)


def problems(path, text):
    found = []
    tokens = md.parse(text)
    for token in walk(tokens):
        if token.type in ("html_block", "html_inline"):
            if token.type == "html_inline" and re.fullmatch(r"</a>", token.content.strip()):
                continue
            if token.type == "html_inline" and re.fullmatch(r'<a id="stage-[a-z0-9._-]+">', token.content.strip()):
                continue
            if not html_allowed(token.content):
                found.append(f"live HTML {token.content.strip()[:80]!r}")
        if token.type in ("link_open", "image"):
            target = token.attrGet("href") or token.attrGet("src") or ""
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) and not target.startswith(("http://", "https://")):
                found.append(f"{token.type} to {target!r}")
    return found


def structure(text):
    """Headings (level), fences (info), tables (rows x columns), in page order."""
    shape = []
    tokens = md.parse(text)
    rows = cols = 0
    for token in tokens:
        if token.type == "heading_open":
            shape.append(("heading", token.tag))
        elif token.type == "fence":
            shape.append(("fence", token.info.strip()))
        elif token.type == "table_open":
            rows = cols = 0
        elif token.type == "tr_open":
            rows += 1
            cols = 0
        elif token.type in ("th_open", "td_open"):
            cols += 1
        elif token.type == "table_close":
            shape.append(("table", rows, cols))
    return shape


class TextOf(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def rendered_text(text):
    parser = TextOf()
    parser.feed(md.render(text))
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def pages(root):
    return sorted(p for p in pathlib.Path(root).rglob("*.md"))


def main(argv):
    hostile = twin = payload_file = None
    roots = []
    args = iter(argv)
    for arg in args:
        if arg == "--hostile":
            hostile = next(args)
        elif arg == "--twin":
            twin = next(args)
        elif arg == "--payloads":
            payload_file = next(args)
        else:
            roots.append(arg)
    failures = 0
    checked = 0
    for root in roots + ([hostile] if hostile else []):
        for page in pages(root):
            checked += 1
            for problem in problems(page, page.read_text(encoding="utf-8")):
                print(f"FAIL {page}: {problem}")
                failures += 1
    if hostile:
        texts = []
        for page in pages(hostile):
            relative = page.relative_to(hostile)
            other = pathlib.Path(twin) / relative
            text = page.read_text(encoding="utf-8")
            texts.append(rendered_text(text))
            if not other.exists():
                print(f"FAIL {page}: no twin page {other}")
                failures += 1
                continue
            mine, theirs = structure(text), structure(other.read_text(encoding="utf-8"))
            if mine != theirs:
                for index, (a, b) in enumerate(zip(mine + [None] * len(theirs), theirs + [None] * len(mine))):
                    if a != b:
                        print(f"FAIL {page}: block structure differs from its twin at block {index}: {a} vs {b}")
                        break
                failures += 1
        everything = " ".join(texts)
        payloads = [json.loads(line) for line in pathlib.Path(payload_file).read_text().splitlines() if line.strip()]
        for payload in payloads:
            expected = re.sub(r"\s+", " ", payload).strip()
            if expected not in everything:
                print(f"FAIL payload not shown as text anywhere: {payload!r}")
                failures += 1
    print(f"markdown-inert: {checked} pages, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
