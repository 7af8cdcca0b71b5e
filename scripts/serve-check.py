#!/usr/bin/env python3
"""`topograph serve` end to end, with a real browser.

    serve-check.py TOPOGRAPH TOPOLOGY

Serves a copy of TOPOLOGY on a free port and checks, in headless Chromium over the
DevTools pipe: the server listens on 127.0.0.1 only; the page loads with no console
error; after a deep link (#stage=…&resource=…) a save reloads the page by itself, showing
the new title and keeping the stage and resource; a save that breaks the file shows its
errors in the page as file:line:column above the last good drawing; fixing it brings the
clean page back; an unknown path answers 404.
"""
import importlib.util
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

spec = importlib.util.spec_from_file_location("html_check", pathlib.Path(__file__).with_name("html-check.py"))
html_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(html_check)


def wait_for(browser, expression, wanted, timeout=30):
    deadline = time.time() + timeout
    value = None
    while time.time() < deadline:
        try:
            value = browser.evaluate(f"document.readyState === 'complete' ? ({expression}) : undefined")
            if value == wanted:
                return value
        except RuntimeError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"{expression}: waited for {wanted!r}, last saw {value!r}")


def main():
    binary, source = sys.argv[1], pathlib.Path(sys.argv[2])
    folder = pathlib.Path(tempfile.mkdtemp(prefix="serve-check-"))
    topology = folder / source.name
    shutil.copy(source, topology)
    original = topology.read_text(encoding="utf-8")
    server = subprocess.Popen([binary, "serve", str(topology), "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    browser = None
    failures = []
    try:
        url = re.search(r"http://127\.0\.0\.1:(\d+)/", server.stdout.readline())
        if not url:
            raise AssertionError("serve did not print an http://127.0.0.1:PORT/ address")
        port = url.group(1)
        listening = subprocess.run(["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True).stdout.split()
        addresses = [word for word in listening if word.endswith(f":{port}")]
        if addresses != [f"127.0.0.1:{port}"]:
            failures.append(f"serve listens on {addresses}, not 127.0.0.1 only")
        try:
            urllib.request.urlopen(url.group(0) + "nothing-here")
            failures.append("an unknown path did not answer 404")
        except urllib.error.HTTPError as error:
            if error.code != 404:
                failures.append(f"an unknown path answered {error.code}")
        browser = html_check.Browser()
        stage, resource = "V1", "alb"
        browser.load(f"{url.group(0)}#stage={stage}&resource={resource}")
        # A save reloads the page by itself and keeps the view.
        topology.write_text(re.sub(r"^title: .*$", "title: Saved once", original, count=1, flags=re.M), encoding="utf-8")
        wait_for(browser, "document.title", "Saved once")
        wait_for(browser, "window.topograph && [window.topograph.view.stage, document.querySelector('[data-panel]').dataset.resource]", [stage, resource])
        # A broken save: the errors, positioned, above the last good drawing.
        topology.write_text(original.replace("resources:", "resources:\n  broken: { kind: no-such-kind }", 1), encoding="utf-8")
        shown = wait_for(browser, "!document.querySelector('[data-error]').hidden", True)
        error = browser.evaluate("document.querySelector('[data-error]').textContent")
        if not re.search(re.escape(topology.name) + r":\d+:\d+", error):
            failures.append(f"the error shown has no file:line:column: {error!r}")
        if not browser.evaluate("document.querySelectorAll('[data-drawing]').length > 0"):
            failures.append("a broken save dropped the last good drawing")
        # Fixed again: the clean page.
        topology.write_text(original, encoding="utf-8")
        wait_for(browser, "document.querySelector('[data-error]').hidden", True)
        failures += [p for p in browser.problems(url.group(0)) if "network request" not in p]
        print(f"serve: 127.0.0.1:{port}, reload on save, errors shown ({error.splitlines()[0][:80]!r}), recovery: {'ok' if not failures and shown else 'FAILED'}")
    except AssertionError as error:
        failures.append(str(error))
    finally:
        if browser:
            browser.close()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(folder, ignore_errors=True)
    for failure in failures:
        print("FAIL " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
