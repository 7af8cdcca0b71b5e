#!/usr/bin/env python3
"""`topograph serve` end to end, with real clients (headless Chromium, raw HTTP, signals).

    serve-check.py TOPOGRAPH EXAMPLE.yaml CORPUS.yaml

Copies both topologies to a scratch folder and serves them (`--port 0`). Checks:
- the listening socket (read from /proc/net/tcp{,6}) is 127.0.0.1 only; a second server
  with `--host ::1` reads back as ::1, so the reader itself is checked;
- `/` is an index linking both pages; each page loads in Chromium with its drawing, no
  console error, no exception and no request but itself;
- every path outside the served set is a 404 with nothing of the file system in it
  (`/../../etc/passwd`, encoded and backslash variants, `/p/+1`, one past the last page),
  while the served paths answer 200;
- a save reloads the open page (a fresh document, not an edit of the old one) showing the
  change and keeping the deep link's stage and resource;
- a broken save shows the error in the page as file:line:column at the broken line, over
  the last good drawing; the next good save clears it and shows the new content;
- a second server on the same port exits 2 at once with a message naming the port and
  `--port 0`, and the first one keeps serving;
- SIGTERM and SIGINT, each with a page's WebSocket open, stop the server within 5 s with
  exit 0 and free the port.
Exit status: 0 all passed, 1 some failed, 2 usage error or no browser.
"""
import importlib.util
import pathlib
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

spec = importlib.util.spec_from_file_location("html_check", pathlib.Path(__file__).with_name("html-check.py"))
html_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(html_check)

OUTSIDE = [
    "/../../etc/passwd", "/p/../../etc/passwd", "/p/0/../../../etc/passwd", "//etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/p/..%2f..%2fetc%2fpasswd",
    "/..%252f..%252fetc%252fpasswd", "/..%c0%af..%c0%afetc/passwd", "/..\\..\\etc\\passwd",
    "/p/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/etc/passwd", "/p/0%00", "/p/0/", "/p/", "/p/-1", "/p/+1",
    "/p/00", "/p/2", "/p/99999999999999999999", "/index.html", "/session-store.yaml",
]


class Server:
    """One `topograph serve` process; its standard error goes to a file, read at the end."""

    def __init__(self, binary, *arguments, folder):
        self.log = tempfile.NamedTemporaryFile(dir=folder, prefix="serve-", suffix=".err", delete=False)
        self.process = subprocess.Popen([binary, "serve", *arguments], stdout=subprocess.PIPE, stderr=self.log, text=True)
        self.url = self.port = None

    def address(self, timeout=60):
        """The URL serve prints once it listens (None if it exits or stays silent)."""
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if ready else ""
        found = re.search(r"(http://(?:127\.0\.0\.1|\[::1\]):(\d+)/)", line)
        if found:
            self.url, self.port = found.group(1), int(found.group(2))
        return self.url

    def stderr(self):
        return pathlib.Path(self.log.name).read_text(encoding="utf-8", errors="replace")

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def listening(port):
    """The addresses a socket in LISTEN state holds `port` on, from the kernel's tables."""
    found = []
    for table, family in (("/proc/net/tcp", socket.AF_INET), ("/proc/net/tcp6", socket.AF_INET6)):
        for line in pathlib.Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if fields[3] != "0A" or int(hex_port, 16) != port:
                continue
            raw = bytes.fromhex(address)
            # Each 32-bit word of the address is in host (little-endian) order.
            raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
            found.append(socket.inet_ntop(family, raw))
    return sorted(found)


def get(port, path, host="127.0.0.1"):
    """A raw HTTP/1.1 GET (no client-side normalisation of the path): status and body."""
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := connection.recv(1 << 16):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = re.match(rb"HTTP/1\.1 (\d{3})", head)
    return (int(status.group(1)) if status else None), body


def check_paths(port, failures):
    for path in ("/", "/p/0", "/p/1"):
        status, body = get(port, path)
        if status != 200 or b"<html" not in body:
            failures.append(f"served path {path} answered {status}")
    for path in OUTSIDE:
        status, body = get(port, path)
        if status != 404 or b"root:" in body or b"topograph:" in body:
            failures.append(f"{path} outside the served set answered {status} ({body[:60]!r})")


def check_pages(browser, server, names, failures):
    browser.load(server.url, ready="true")
    links = browser.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    text = browser.evaluate("document.body.textContent")
    if links != ["p/0", "p/1"] or not all(name in text for name in names):
        failures.append(f"index: links {links}, names {[name for name in names if name in text]} of {names}")
    failures += [f"index: {problem}" for problem in browser.problems(server.url)]
    for link in ("p/0", "p/1"):
        browser.load(server.url + link)
        drawn = browser.evaluate("document.querySelectorAll('[data-drawing] [data-resource]').length")
        if not drawn:
            failures.append(f"{link}: nothing drawn")
        failures += [f"{link}: {problem}" for problem in browser.problems(server.url + link)]


def check_reload(browser, server, topology, failures):
    """A save reloads the open page; a broken save shows a positioned error; a fix clears it."""
    original = topology.read_text(encoding="utf-8")
    page = server.url + "p/0"
    browser.load(f"{page}#stage=V1&resource=alb")
    browser.evaluate("window.beforeSave = true")
    topology.write_text(re.sub(r"^title: .*$", "title: Saved once", original, count=1, flags=re.M), encoding="utf-8")
    browser.wait_for("document.title", "Saved once")
    view = browser.evaluate("[window.beforeSave === undefined, window.topograph.view.stage, document.querySelector('[data-panel]').dataset.resource]")
    if view != [True, "V1", "alb"]:
        failures.append(f"after a save: [fresh document, stage, resource] = {view}, wanted [True, 'V1', 'alb']")
    broken_line = "  broken: { kind: no-such-kind }"
    lines = original.splitlines()
    at = lines.index("resources:") + 1
    topology.write_text("\n".join(lines[:at] + [broken_line] + lines[at:]) + "\n", encoding="utf-8")
    browser.wait_for("!document.querySelector('[data-error]').hidden", True)
    error = browser.evaluate("document.querySelector('[data-error]').textContent")
    position = f"{topology.name}:{at + 1}:{broken_line.index('no-such-kind') + 1}:"
    if position not in error:
        failures.append(f"a broken save shows {error[:160]!r}, not the position {position}")
    if not browser.evaluate("document.querySelectorAll('[data-drawing] [data-resource]').length > 0"):
        failures.append("a broken save dropped the last good drawing")
    topology.write_text(re.sub(r"^title: .*$", "title: Fixed again", original, count=1, flags=re.M), encoding="utf-8")
    browser.wait_for("document.title", "Fixed again")
    if not browser.evaluate("document.querySelector('[data-error]').hidden"):
        failures.append("the good save after a broken one still shows the error")
    failures += [f"reloading page: {problem}" for problem in browser.problems(page)]
    print(f"serve: reload on save, {position} shown in the page, cleared by the next save: {'ok' if not failures else 'FAILED'}")


def check_port_in_use(binary, server, topology, folder, failures):
    second = Server(binary, str(topology), "--port", str(server.port), folder=folder)
    try:
        status = second.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        status = "still running"
    message = second.stderr()
    if status != 2 or f"127.0.0.1:{server.port}" not in message or "--port 0" not in message:
        failures.append(f"a second server on port {server.port}: exit {status}, said {message.strip()[:200]!r}")
    second.stop()
    if get(server.port, "/")[0] != 200:
        failures.append("the first server stopped answering after the port clash")
    print(f"serve: port in use -> exit {status}: {message.strip()[:100]}")


def check_stop(browser, server, page, number, failures):
    """A signal, with a page (and its WebSocket) open, ends the server cleanly."""
    name = signal.Signals(number).name
    browser.load(server.url + page)
    deadline = time.time() + 10
    while not any(e["method"] == "Network.webSocketHandshakeResponseReceived" for e in browser.events) and time.time() < deadline:
        browser.evaluate("0")  # lets the browser's pending events in
        time.sleep(0.05)
    if not any(e["method"] == "Network.webSocketHandshakeResponseReceived" for e in browser.events):
        failures.append(f"{name}: the page opened no WebSocket to the server")
    server.process.send_signal(number)
    try:
        status = server.process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        status = "still running after 5 s"
    browser.load("about:blank", ready="true")
    message = server.stderr()
    if status != 0 or f"stopped ({name})" not in message:
        failures.append(f"{name}: exit {status}, said {message.strip()[-200:]!r}")
    if listening(server.port):
        failures.append(f"{name}: port {server.port} still listening after the exit")
    print(f"serve: {name} with a page open -> exit {status}")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, sources = sys.argv[1], [pathlib.Path(p) for p in sys.argv[2:]]
    folder = pathlib.Path(tempfile.mkdtemp(prefix="serve-check-"))
    topologies = [folder / source.name for source in sources]
    for source, copy in zip(sources, topologies):
        shutil.copy(source, copy)
    names = [re.search(r"^title: *(.*)$", t.read_text(encoding="utf-8"), re.M).group(1).strip("\"'") for t in topologies]
    servers, browser, failures = [], None, []
    try:
        first = Server(binary, *map(str, topologies), "--port", "0", folder=folder)
        loopback6 = Server(binary, str(topologies[1]), "--port", "0", "--host", "::1", folder=folder)
        servers += [first, loopback6]
        for server in servers:
            if not server.address():
                raise AssertionError(f"serve printed no address; it said {server.stderr().strip()[:300]!r}")
        bound = (listening(first.port), listening(loopback6.port))
        if bound != (["127.0.0.1"], ["::1"]):
            failures.append(f"listening on {bound[0]} by default and {bound[1]} with --host ::1")
        print(f"serve: listens on {bound[0]} by default, {bound[1]} with --host ::1")
        check_paths(first.port, failures)
        print(f"serve: {len(OUTSIDE)} paths outside the served set: {'404' if not failures else 'FAILED'}")
        browser = html_check.Browser()
        check_pages(browser, first, names, failures)
        check_reload(browser, first, topologies[0], failures)
        check_port_in_use(binary, first, topologies[0], folder, failures)
        check_stop(browser, first, "p/0", signal.SIGTERM, failures)
        check_stop(browser, loopback6, "", signal.SIGINT, failures)
    except (AssertionError, RuntimeError, OSError) as error:
        failures.append(f"{type(error).__name__}: {error}")
    finally:
        if browser:
            browser.close()
        for server in servers:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    for failure in failures:
        print("FAIL " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
