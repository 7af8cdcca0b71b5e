#!/usr/bin/env python3
"""Times `topograph serve` from a save to the reloaded page, in headless Chromium.

    serve-bench.py TOPOGRAPH TOPOLOGY SAVES

Starts `TOPOGRAPH serve TOPOLOGY --port 0`, opens its page, then SAVES times rewrites the
file with a new title and a new `desired:` count on the first resource that has one (so
the drawing's data, the runbook and its sections change too, as in a real edit, and no
cache of the server's can answer for them), and waits until the page (reloaded by its
WebSocket) shows it. The
times come from the clocks of the events themselves, not from this script's polling: the
save (before the write), the new document's navigation start and its load event end
(Chromium's performance timeline, same system clock), and the server's own re-render time
(its `re-rendered … in N ms` line). Prints one line:
`total median ms, total p90 ms, render median ms, save-to-navigation median ms, load median ms`.
The file is restored at the end.
"""
import importlib.util
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

spec = importlib.util.spec_from_file_location("html_check", pathlib.Path(__file__).parent.parent / "html-check.py")
html_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(html_check)

TIMELINE = "(() => { const n = performance.getEntriesByType('navigation')[0]; return n && n.loadEventEnd > 0 ? [performance.timeOrigin, n.loadEventEnd] : null; })()"


def p90(values):
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 9 // 10) - 1)]


def main():
    binary, topology, saves = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
    original = topology.read_text(encoding="utf-8")
    log = tempfile.NamedTemporaryFile(prefix="serve-bench-", suffix=".err")
    server = subprocess.Popen([binary, "serve", str(topology), "--port", "0"], stdout=subprocess.PIPE, stderr=log, text=True)
    browser = None
    try:
        line = server.stdout.readline()
        url = re.search(r"http://\S+/", line)
        if not url:
            sys.exit(f"serve-bench: serve printed {line!r}")
        browser = html_check.Browser()
        browser.load(url.group(0))
        totals, to_navigation, loads = [], [], []
        for number in range(saves):
            title = f"Bench save {number}"
            text = re.sub(r"^title: .*$", f"title: {title}", original, count=1, flags=re.M)
            text = re.sub(r"desired: \d+", f"desired: {number + 3}", text, count=1)
            saved = time.time() * 1000
            topology.write_text(text, encoding="utf-8")
            browser.wait_for("document.title", title)
            timeline = None
            while timeline is None:
                timeline = browser.evaluate(TIMELINE)
            origin, load_end = timeline
            to_navigation.append(origin - saved)
            loads.append(load_end)
            totals.append(origin + load_end - saved)
            time.sleep(0.3)
        problems = browser.problems(url.group(0))
        if problems:
            sys.exit("serve-bench: the served page reported " + "; ".join(problems[:3]))
        renders = [int(ms) for ms in re.findall(r"^re-rendered .* in (\d+) ms$", pathlib.Path(log.name).read_text(), re.M)]
        if len(renders) != saves:
            sys.exit(f"serve-bench: {len(renders)} re-renders for {saves} saves")
        print(f"{statistics.median(totals):.0f} ms, {p90(totals):.0f} ms, {statistics.median(renders):.0f} ms, "
              f"{statistics.median(to_navigation):.0f} ms, {statistics.median(loads):.0f} ms")
    finally:
        topology.write_text(original, encoding="utf-8")
        if browser:
            browser.close()
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
