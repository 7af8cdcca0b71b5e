#!/usr/bin/env python3
"""Render Mermaid diagrams with the real Mermaid 11 library in headless Chromium.

    .venv/bin/python scripts/mermaid-check.py FILE... [--screenshot DIR] [--labels-json FILE]

FILE is a .mmd file (one diagram) or a Markdown file (every ```mermaid block). Each diagram
is parsed and rendered with Mermaid's defaults, as GitHub runs them (maxEdges 500,
maxTextSize 50,000, securityLevel strict). A diagram fails on any parse or render error, on
Mermaid's "Maximum text size" placeholder, or on an SVG showing Mermaid's error graphic.

One browser serves every diagram: Chromium is driven over --remote-debugging-pipe (the
DevTools protocol on file descriptors 3 and 4), so no port is opened and nothing touches the
network; mermaid.min.js comes from the artoo-mermaid package.

Exit status: 0 all rendered, 1 some failed, 2 usage error or no browser.
"""
import argparse
import base64
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time


def mermaid_js():
    try:
        import artoo_mermaid
    except ImportError:
        sys.exit("mermaid-check: artoo-mermaid is not installed (run scripts/setup.sh)")
    path = pathlib.Path(artoo_mermaid.__file__).parent / "assets" / "mermaid.min.js"
    if not path.exists():
        sys.exit(f"mermaid-check: {path} is missing")
    return path


def nesting(source):
    """{child id: subgraph id} for flowchart source: what each subgraph holds directly."""
    parents, stack = {}, []
    for line in source.split("\n"):
        text = line.strip()
        found = re.match(r"subgraph\s+([A-Za-z0-9_]+)", text)
        if found:
            if stack:
                parents[found.group(1)] = stack[-1]
            stack.append(found.group(1))
        elif text == "end" and stack:
            stack.pop()
        elif stack and not re.search(r"--|==|~~~", text):
            node = re.match(r"([A-Za-z0-9_]+)\s*[\[\(\{>]", text)
            if node:
                parents[node.group(1)] = stack[-1]
    return parents


def diagrams_in(path):
    """Yields (label, source) for each diagram in a file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".md", ".markdown"):
        lines = text.split("\n")
        index = 0
        while index < len(lines):
            if lines[index].strip().startswith("```mermaid"):
                start = index + 1
                end = start
                while end < len(lines) and not lines[end].strip().startswith("```"):
                    end += 1
                yield f"{path}:{start}", "\n".join(lines[start:end])
                index = end + 1
            else:
                index += 1
    else:
        yield str(path), text


class Browser:
    """Chromium over the DevTools pipe: NUL-terminated JSON messages."""

    def __init__(self):
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if not binary:
            print("mermaid-check: chromium is not installed (run scripts/setup.sh)", file=sys.stderr)
            sys.exit(2)
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        self.profile = tempfile.mkdtemp(prefix="mermaid-check-")

        def wire():
            # Via high numbers first, in case either pipe already sits on 3 or 4.
            os.dup2(to_browser_read, 100)
            os.dup2(from_browser_write, 101)
            os.dup2(100, 3)
            os.dup2(101, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--allow-file-access-from-files",
             f"--user-data-dir={self.profile}", "about:blank"],
            pass_fds=(3, 4, to_browser_read, from_browser_write), preexec_fn=wire,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.wait(self.next_id)

    def wait(self, wanted, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                if message.get("id") == wanted:
                    if "error" in message:
                        raise RuntimeError(message["error"].get("message", str(message["error"])))
                    return message.get("result", {})
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        raise TimeoutError("no answer from chromium")

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Page.navigate", {"url": url})
        for _ in range(600):
            ready = self.evaluate("typeof window.checkDiagram === 'function' && typeof mermaid !== 'undefined'")
            if ready is True:
                return
            time.sleep(0.05)
        raise RuntimeError("Mermaid did not load")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text", "exception"))
        return result.get("result", {}).get("value")

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><style>body { background: white; margin: 8px; }</style></head>
<body><div id="out"></div>
<script src="mermaid.min.js"></script>
<script>
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
let counter = 0;
// Subgraph frames as drawn: a title wider than its frame is cut off or spills out; a frame
// over its parent's border, or a title under a child, hides what the title says. Mermaid
// widens a subgraph to its title after the layout without moving its neighbours.
window.parents = {};
window.frameProblems = (id) => {
  const found = [];
  const box = (element) => element && element.getBoundingClientRect();
  const frame = (name) => {
    const group = document.getElementById(id + "-" + name);
    if (!group) return null;
    const rect = group.querySelector(":scope > rect") || group.querySelector("rect, path, polygon");
    const label = group.querySelector(".cluster-label .nodeLabel, .cluster-label foreignObject div, .label foreignObject div");
    return { rect: box(rect), label: label && box(label.querySelector("span, p") || label), cluster: group.classList.contains("cluster") };
  };
  const inside = (a, b, slack) => a.left >= b.left - slack && a.right <= b.right + slack && a.top >= b.top - slack && a.bottom <= b.bottom + slack;
  // A title's box is a 24 px line; its glyphs sit well inside, so up to 6 px of overlap
  // leaves it readable (Mermaid's LR layout puts the first child right under the title).
  const overlaps = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 6 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 6;
  const children = {};
  for (const [child, parent] of Object.entries(window.parents)) (children[parent] = children[parent] || []).push(child);
  for (const [child, parent] of Object.entries(window.parents)) {
    const outer = frame(parent), inner = frame(child);
    if (!outer || !inner || !outer.rect || !inner.rect) continue;
    if (!inside(inner.rect, outer.rect, 1.5)) found.push(`${child} is drawn over the border of ${parent}`);
  }
  for (const name of Object.keys(children)) {
    const own = frame(name);
    if (!own || !own.rect || !own.label || !own.cluster) continue;
    if (!inside(own.label, own.rect, 1.5)) found.push(`the title of ${name} is wider than its frame`);
    for (const child of children[name]) {
      const drawn = document.getElementById(id + "-" + child) || document.querySelector(`#out g.node[id^="${id}-flowchart-${child}-"]`);
      if (drawn && overlaps(own.label, box(drawn))) found.push(`the title of ${name} is covered by ${child}`);
    }
  }
  return found;
};
window.checkDiagram = async (source, parents) => {
  window.parents = parents || {};
  counter += 1;
  const id = "diagram" + counter;
  try {
    await mermaid.parse(source);
    const { svg } = await mermaid.render(id, source);
    document.getElementById("out").innerHTML = svg;
    const problems = [];
    if (/Maximum text[- ]size in diagram exceeded/i.test(svg)) problems.push("Mermaid's 'Maximum text size in diagram exceeded' placeholder");
    if (/Syntax error in text|class="error-icon"/.test(svg)) problems.push("Mermaid's error graphic");
    const drawn = document.querySelector("#out svg");
    const box = drawn.getBoundingClientRect();
    // Mermaid's string is HTML (foreignObject labels with <br>); XML for other readers.
    const xml = new XMLSerializer().serializeToString(drawn);
    const view = drawn.viewBox && drawn.viewBox.baseVal;
    // The text a reader sees in each node, edge and subgraph label, to compare with the source's.
    const labels = Array.from(document.querySelectorAll("#out .nodeLabel, #out .edgeLabel, #out .cluster-label"))
      .map((element) => element.textContent).filter((text) => text);
    return { ok: problems.length === 0, error: problems.join("; "), svg: xml, frames: window.frameProblems(id), naturalWidth: view ? view.width : box.width, bytes: svg.length, width: box.width, height: box.height, labels };
  } catch (error) {
    document.getElementById("out").innerHTML = "";
    const message = (error && (error.message || error.str)) || String(error);
    return { ok: false, error: message.split("\\n").slice(0, 6).join(" | ") };
  }
};
</script></body></html>
"""


def main():
    parser = argparse.ArgumentParser(description="Render Mermaid diagrams in headless Chromium with Mermaid 11.")
    parser.add_argument("files", nargs="+", type=pathlib.Path)
    parser.add_argument("--screenshot", type=pathlib.Path, help="write a PNG of each rendered diagram here")
    parser.add_argument("--svg-dir", type=pathlib.Path, help="write the SVG Mermaid drew for each diagram here (for the geometry checker)")
    parser.add_argument("--quiet", action="store_true", help="print failures and the summary only")
    parser.add_argument("--frames", action="store_true",
                        help="also fail when a subgraph title is cut off or covered, or a subgraph is drawn over its parent's border")
    parser.add_argument("--labels-json", type=pathlib.Path,
                        help="write the rendered text of every label, per diagram, as JSON (to check escaping round-trips)")
    args = parser.parse_args()

    diagrams = []
    for path in args.files:
        if not path.exists():
            print(f"mermaid-check: {path}: no such file", file=sys.stderr)
            return 2
        diagrams.extend(diagrams_in(path))
    if not diagrams:
        print("mermaid-check: no Mermaid diagram in the given files", file=sys.stderr)
        return 2

    workdir = pathlib.Path(tempfile.mkdtemp(prefix="mermaid-page-"))
    shutil.copy(mermaid_js(), workdir / "mermaid.min.js")
    (workdir / "index.html").write_text(PAGE, encoding="utf-8")
    if args.screenshot:
        args.screenshot.mkdir(parents=True, exist_ok=True)
    if args.svg_dir:
        args.svg_dir.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    failures = 0
    labels = {}
    started = time.time()
    try:
        browser.open((workdir / "index.html").as_uri())
        found = re.search(r'\{version:"(\d+\.\d+\.\d+)"\}', (workdir / "mermaid.min.js").read_text(encoding="utf-8", errors="replace"))
        version = found.group(1) if found else "unknown"
        for number, (label, source) in enumerate(diagrams, 1):
            result = browser.evaluate(f"window.checkDiagram({json.dumps(source)}, {json.dumps(nesting(source))})")
            if args.frames and result.get("ok") and result.get("frames"):
                result["ok"] = False
                result["error"] = "; ".join(result["frames"])
            labels[label] = sorted(set(result.get("labels") or []))
            if result.get("ok"):
                if not args.quiet:
                    print(f"ok    {label} ({result['bytes']} bytes of SVG, {result['width']:.0f}x{result['height']:.0f})")
                if args.svg_dir:
                    name = re.sub(r"[^A-Za-z0-9._-]+", "_", pathlib.Path(label).name).strip("_")
                    (args.svg_dir / (name.removesuffix(".mmd") + ".svg")).write_text(result["svg"], encoding="utf-8")
                if args.screenshot:
                    # At the drawing's own size (Mermaid's SVG is width 100% of the page
                    # otherwise), so a clipped title shows as it would at 1:1.
                    natural = result.get("naturalWidth") or result["width"]
                    browser.evaluate(f"document.querySelector('#out svg').style.width = '{natural}px'")
                    box = browser.evaluate("(() => { const r = document.querySelector('#out svg').getBoundingClientRect(); return [r.width, r.height]; })()")
                    width = min(8000, int(box[0]) + 16)
                    height = min(8000, int(box[1]) + 16)
                    browser.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
                    shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                                   "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
                    name = re.sub(r"[^A-Za-z0-9._-]+", "_", label).strip("_") + ".png"
                    (args.screenshot / name).write_bytes(base64.b64decode(shot["data"]))
            else:
                failures += 1
                print(f"FAIL  {label}: {result.get('error')}")
    finally:
        browser.close()
        shutil.rmtree(workdir, ignore_errors=True)
    if args.labels_json:
        args.labels_json.write_text(json.dumps(labels, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    elapsed = time.time() - started
    print(f"mermaid-check: Mermaid {version}: {len(diagrams) - failures} passed, {failures} failed ({elapsed:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
