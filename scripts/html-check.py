#!/usr/bin/env python3
"""Drive Topograph's interactive HTML pages in headless Chromium, as a reader would.

    .venv/bin/python scripts/html-check.py PAGE.html... [--hostile PAGE.html] [--index FILE.html]
                                           [--screenshots DIR]

For every page, over the DevTools protocol (Chromium on --remote-debugging-pipe, as
mermaid-check.py runs it, so no port is opened), loaded from file://:
- no console error, no exception, no CSP violation, no dialog, and no network request but
  the page itself (data: URIs are the page's own bytes);
- clicking each `data-stage` button (a real mouse click at its position) shows that stage's
  drawing alone, and the drawn resources the migration added, changed, renamed or moved
  carry their highlight; the change bar lists every change of the diff;
- clicking a drawn `data-resource` opens the `data-panel` with one `data-rule` item per lint
  finding of that resource and one runbook section per section the page names for it;
- a deep link `#stage=S&resource=R` restores that stage and that panel after a reload.
--hostile: a page built from hostile values; every resource's panel is opened and the
search run, then no element but the page's own may be live (scripts, handlers, frames).
--index: the docs tree's index.html: loads clean, links to pages that exist.
Exit status: 0 all passed, 1 some failed, 2 usage error or no browser.
"""
import argparse
import importlib.util
import json
import pathlib
import sys
import time

spec = importlib.util.spec_from_file_location("mermaid_check", pathlib.Path(__file__).with_name("mermaid-check.py"))
mermaid_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mermaid_check)


class Browser(mermaid_check.Browser):
    """The Mermaid check's browser, keeping the events the page raises."""

    def __init__(self):
        super().__init__()
        self.events = []

    def wait(self, wanted, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "method" in message:
                    self.events.append(message)
                if message.get("id") == wanted:
                    if "error" in message:
                        raise RuntimeError(message["error"].get("message", str(message["error"])))
                    return message.get("result", {})
            chunk = mermaid_check.os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        raise TimeoutError("no answer from chromium")

    def load(self, url, ready="window.topograph !== undefined"):
        if self.session is None:
            target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
            self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.send(f"{domain}.enable")
            self.send("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        # Through about:blank, so that a URL differing only in its #fragment loads afresh.
        self.send("Page.navigate", {"url": "about:blank"})
        self.events = []
        self.send("Page.navigate", {"url": url})
        for _ in range(400):
            if self.evaluate(f"document.readyState === 'complete' && ({ready})") is True:
                return
            time.sleep(0.05)
        raise RuntimeError(f"{url}: the page did not start")

    def wait_for(self, expression, wanted, timeout=30):
        """Polls `expression` in the loaded page until it equals `wanted`; a page between
        two documents (reloading) counts as not yet."""
        deadline = time.time() + timeout
        value = None
        while time.time() < deadline:
            try:
                value = self.evaluate(f"document.readyState === 'complete' ? ({expression}) : undefined")
                if value == wanted:
                    return value
            except RuntimeError:
                pass
            time.sleep(0.02)  # the timings that matter come from the page, not from this loop
        raise AssertionError(f"{expression}: waited {timeout} s for {wanted!r}, last saw {value!r}")

    def click(self, expression):
        """A real mouse click at the centre of the element `expression` evaluates to."""
        box = self.evaluate(f"(() => {{ const r = ({expression}).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})
        time.sleep(0.05)

    def problems(self, page_url):
        found = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append("exception: " + json.dumps(params.get("exceptionDetails", {}).get("exception", {}).get("description") or params)[:300])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                found.append("console: " + json.dumps(params.get("args"))[:300])
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                found.append("log: " + params["entry"].get("text", "")[:300])
            elif method == "Page.javascriptDialogOpening":
                found.append("dialog opened: " + params.get("message", ""))
                self.send("Page.handleJavaScriptDialog", {"accept": True})
            elif method == "Network.requestWillBeSent":
                url = params.get("request", {}).get("url", "")
                if not url.startswith("data:") and url.split("#")[0] != page_url.split("#")[0]:
                    found.append("network request: " + url)
        return found

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        pathlib.Path(path).write_bytes(mermaid_check.base64.b64decode(data))


def check_page(browser, path, shots):
    url = path.resolve().as_uri()
    failures = []
    browser.load(url)
    data = browser.evaluate("JSON.parse(document.getElementById('tg-data').textContent)")
    stages = data["stages"]
    name = path.stem
    for index, stage in enumerate(stages):
        browser.click(f"document.querySelector('[data-stage=\"{stage['name']}\"]')")
        state = browser.evaluate("""(() => ({
            shown: [...document.querySelectorAll('[data-drawing]')].filter(d => !d.hidden).map(d => d.dataset.drawing),
            pressed: [...document.querySelectorAll('[data-stage][aria-pressed=true]')].map(b => b.dataset.stage),
            marked: Object.fromEntries(['added', 'changed', 'renamed', 'moved'].map(k => [k,
                [...new Set([...document.querySelectorAll('[data-drawing]:not([hidden]) [data-resource].tg-' + k)].map(e => e.dataset.resource))].sort()])),
            chips: document.querySelectorAll('[data-changes] [data-change]').length,
            drawnIDs: [...new Set([...document.querySelectorAll('[data-drawing]:not([hidden]) [data-resource]')].map(e => e.dataset.resource))],
        }))()""")
        if state["shown"] != [stage["name"]] or state["pressed"] != [stage["name"]]:
            failures.append(f"stage {stage['name']}: shown {state['shown']}, pressed {state['pressed']}")
        changes = stage.get("changes")
        if changes:
            for kind in ("added", "changed", "renamed", "moved"):
                wanted = sorted(c["id"] for c in changes["resources"] if c["change"] == kind and c["id"] in state["drawnIDs"])
                if state["marked"][kind] != wanted:
                    failures.append(f"stage {stage['name']}: {kind} highlighted {state['marked'][kind]}, the diff says {wanted}")
            if state["chips"] != len(changes["resources"]) + len(changes["connections"]):
                failures.append(f"stage {stage['name']}: {state['chips']} changes listed, the diff has {len(changes['resources']) + len(changes['connections'])}")
        if shots and index in (0, len(stages) - 1):
            browser.screenshot(shots / f"{name}-{stage['name']}.png")
    # A resource with findings (else any drawn one), in the stage where it has the most.
    best = None
    for stage in stages:
        drawn = browser.evaluate(f"[...new Set([...document.querySelectorAll('[data-drawing=\"{stage['name']}\"] [data-resource]')].map(e => e.dataset.resource))]")
        for rid in drawn:
            findings = [f["rule"] for f in stage["findings"] if f.get("resource") == rid]
            sections = [index for index in stage["runbook"] if rid in data["sections"][index]["resources"]]
            score = (len(findings), len(sections))
            if best is None or score > best[0]:
                best = (score, stage["name"], rid, findings, len(sections))
    if best is None:
        return failures + ["no drawn resource to click"]
    _, stage_name, rid, findings, section_count = best
    browser.click(f"document.querySelector('[data-stage=\"{stage_name}\"]')")
    browser.click(f"document.querySelector('[data-drawing=\"{stage_name}\"] [data-resource=\"{rid}\"]')")
    panel = browser.evaluate("""(() => { const p = document.querySelector('[data-panel]'); return {
        hidden: p.hidden, resource: p.dataset.resource || null,
        rules: [...p.querySelectorAll('[data-rule]')].map(e => e.dataset.rule),
        sections: p.querySelectorAll('details[data-runbook]').length, hash: location.hash }; })()""")
    if panel["hidden"] or panel["resource"] != rid:
        failures.append(f"clicking {rid} in {stage_name} opened {panel}")
    if sorted(panel["rules"]) != sorted(findings):
        failures.append(f"{rid}: panel shows rules {panel['rules']}, the page's findings are {findings}")
    if panel["sections"] != section_count:
        failures.append(f"{rid}: panel shows {panel['sections']} runbook sections, the page names {section_count}")
    if shots:
        browser.evaluate("document.querySelectorAll('[data-panel] details').forEach(d => d.open = true)")
        browser.screenshot(shots / f"{name}-panel-{rid}.png")
    # The deep link, in a fresh load.
    first = stages[0]["name"]
    target = next((r for r in stages[0]["order"] if stages[0]["resources"][r]["drawn"]), None)
    if target:
        browser.load(f"{url}#stage={first}&resource={target}")
        restored = browser.evaluate("({stage: window.topograph.view.stage, resource: document.querySelector('[data-panel]').dataset.resource || null, "
                                    "shown: [...document.querySelectorAll('[data-drawing]')].filter(d => !d.hidden).map(d => d.dataset.drawing)})")
        if restored != {"stage": first, "resource": target, "shown": [first]}:
            failures.append(f"deep link #stage={first}&resource={target} restored {restored}")
    failures += browser.problems(url)
    print(f"{path.name}: {len(stages)} stages, clicked {rid} in {stage_name} ({len(findings)} findings, {section_count} runbook sections), "
          f"{path.stat().st_size // 1024} KiB: {'ok' if not failures else 'FAILED'}")
    return failures


LIVE = """(() => {
  const own = new Set([...document.scripts].slice(-2));
  const found = [];
  for (const s of document.scripts) if (!own.has(s) && s.id !== 'tg-data') found.push('script: ' + s.outerHTML.slice(0, 80));
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) if (/^on/i.test(a.name)) found.push(e.tagName + ' ' + a.name);
    if (/^(IFRAME|OBJECT|EMBED|FRAME|BASE|FORM|LINK|META)$/.test(e.tagName) && !(e.tagName === 'META' && e.parentNode === document.head)) found.push('element: ' + e.tagName);
    for (const a of ['href', 'xlink:href', 'src', 'action']) { const v = e.getAttribute(a); if (v && /^\\s*(javascript|vbscript|data:text)/i.test(v)) found.push(e.tagName + ' ' + a + '=' + v); }
  }
  return found;
})()"""


def check_hostile(browser, path, shots):
    url = path.resolve().as_uri()
    browser.load(url)
    data = browser.evaluate("JSON.parse(document.getElementById('tg-data').textContent)")
    failures = []
    for stage in data["stages"]:
        browser.evaluate(f"window.topograph.showStage({json.dumps(stage['name'])})")
        for rid in stage["order"]:
            browser.evaluate(f"window.topograph.select({json.dumps(rid)})")
            failures += [f"after opening {rid}: {item}" for item in browser.evaluate(LIVE)]
    browser.evaluate("(() => { const s = document.querySelector('[data-search]'); s.focus(); s.value = 'script'; s.dispatchEvent(new Event('input')); })()")
    failures += [f"after searching: {item}" for item in browser.evaluate(LIVE)]
    title = browser.evaluate("document.querySelector('h1').textContent")
    if "<script>" not in title:
        failures.append(f"the hostile title is not shown as text: {title!r}")
    if shots:
        browser.screenshot(shots / "hostile.png")
    failures += browser.problems(url)
    print(f"{path.name} (hostile): {'ok' if not failures else 'FAILED'}")
    return failures


def check_index(browser, path, shots):
    url = path.resolve().as_uri()
    browser.load(url, ready="true")
    links = browser.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    failures = [f"index links to a missing file: {link}" for link in links if not (path.parent / link).exists()]
    if not links:
        failures.append("index has no link")
    if shots:
        browser.screenshot(shots / "index.png")
    failures += browser.problems(url)
    print(f"{path.name} (index): {len(links)} pages: {'ok' if not failures else 'FAILED'}")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", type=pathlib.Path)
    parser.add_argument("--hostile", type=pathlib.Path)
    parser.add_argument("--index", type=pathlib.Path)
    parser.add_argument("--screenshots", type=pathlib.Path)
    args = parser.parse_args()
    if not args.pages and not args.hostile and not args.index:
        parser.error("no page given")
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    failures = []
    try:
        for page in args.pages:
            failures += [f"{page}: {item}" for item in check_page(browser, page, args.screenshots)]
        if args.hostile:
            failures += [f"{args.hostile}: {item}" for item in check_hostile(browser, args.hostile, args.screenshots)]
        if args.index:
            failures += [f"{args.index}: {item}" for item in check_index(browser, args.index, args.screenshots)]
    finally:
        browser.close()
    for failure in failures:
        print("FAIL " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
