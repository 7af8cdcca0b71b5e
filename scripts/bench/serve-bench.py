#!/usr/bin/env python3
"""Times `topograph serve` from a save to the reloaded page, in headless Chromium.

    serve-bench.py TOPOGRAPH TOPOLOGY SAVES

Starts `TOPOGRAPH serve TOPOLOGY --port 0`, opens its page, then SAVES times rewrites the
file with a new title and waits until the page (reloaded by its WebSocket) shows it.
Prints `median ms, p90 ms`. The file is restored at the end.
"""
import importlib.util
import pathlib
import re
import statistics
import subprocess
import sys
import time

spec = importlib.util.spec_from_file_location("html_check", pathlib.Path(__file__).parent.parent / "html-check.py")
html_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(html_check)


def main():
    binary, topology, saves = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
    original = topology.read_text(encoding="utf-8")
    server = subprocess.Popen([binary, "serve", str(topology), "--port", "0", "--quiet"], stdout=subprocess.PIPE, text=True)
    browser = None
    try:
        line = server.stdout.readline()
        url = re.search(r"http://\S+", line)
        if not url:
            sys.exit(f"serve-bench: serve printed {line!r}")
        browser = html_check.Browser()
        browser.load(url.group(0))
        times = []
        for number in range(saves):
            title = f"Bench save {number}"
            text = re.sub(r"^title: .*$", f"title: {title}", original, count=1, flags=re.M)
            start = time.perf_counter()
            topology.write_text(text, encoding="utf-8")
            deadline = start + 30
            while time.perf_counter() < deadline:
                try:
                    if browser.evaluate("document.readyState === 'complete' && window.topograph !== undefined && document.title") == title:
                        break
                except RuntimeError:
                    pass  # the page is between two documents
                time.sleep(0.005)
            else:
                sys.exit(f"serve-bench: the page never showed save {number}")
            times.append((time.perf_counter() - start) * 1000)
            time.sleep(0.2)
        problems = [p for p in browser.problems(url.group(0)) if "network request" not in p]
        if problems:
            sys.exit("serve-bench: the served page reported " + "; ".join(problems[:3]))
        times.sort()
        print(f"{statistics.median(times):.0f} ms, {times[int(len(times) * 0.9) - 1 if len(times) >= 10 else -1]:.0f} ms")
    finally:
        topology.write_text(original, encoding="utf-8")
        if browser:
            browser.close()
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
