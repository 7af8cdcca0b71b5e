#!/usr/bin/env python3
"""One warm awscli process that serves the `aws` calls of `topograph drift --against aws`.

Topograph runs the AWS CLI as a subprocess per call (it never signs a request itself), and
each awscli start costs ~0.5 s of CPU: a drift of one stage makes 30-60 calls, the round trip
over the corpus some thousands. So the round trip points TOPOGRAPH_AWS_CLI at a small client
(`write_client` below: python -S, socket only, ~20 ms) that hands its arguments to this
server, which runs them with awscli's own driver (the parser and botocore calls `aws` uses)
and answers with the exit status, stdout and stderr. Topograph's code path is unchanged: it
still starts an executable, parses its JSON, reads its exit status and stderr.

Calls are served one at a time (the driver redirects sys.stdout); Topograph's parallel calls
queue on the socket.

    aws_server.py SOCKET   (runs until killed; moto_run.py starts and stops it by PID)
"""
import contextlib
import io
import json
import os
import socket
import socketserver
import subprocess
import sys
import time

CLIENT = r'''import json, os, socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(os.environ.get("TOPOGRAPH_AWS_SOCKET") or %r)
s.sendall(json.dumps(sys.argv[1:]).encode() + b"\n")
data = b"".join(iter(lambda: s.recv(1 << 16), b""))
answer = json.loads(data)
sys.stdout.write(answer["out"]); sys.stderr.write(answer["err"])
sys.exit(answer["rc"])
'''


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        args = json.loads(self.rfile.readline())
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = self.server.driver.main(args)
            except SystemExit as exit:
                rc = exit.code if isinstance(exit.code, int) else 1
            except Exception as error:  # an awscli crash is a failed call, not a dead server
                err.write(f"{type(error).__name__}: {error}\n")
                rc = 255
        self.wfile.write(json.dumps({"rc": rc or 0, "out": out.getvalue(), "err": err.getvalue()}).encode())


class Server(socketserver.UnixStreamServer):
    request_queue_size = 64


def serve(path):
    from awscli.clidriver import create_clidriver
    with Server(path, Handler) as server:
        server.driver = create_clidriver()
        server.serve_forever()


def start(work, env):
    """Starts a server in `work`; returns (process, path of the executable for TOPOGRAPH_AWS_CLI)."""
    path = os.path.join(work, "aws.sock")
    process = subprocess.Popen([sys.executable, os.path.abspath(__file__), path], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = os.path.join(work, "aws-client.py")
    with open(client, "w", encoding="utf-8") as handle:
        handle.write(CLIENT % path)
    executable = os.path.join(work, "aws")
    with open(executable, "w", encoding="utf-8") as handle:
        handle.write(f'#!/bin/sh\nexec {sys.executable} -S -E {client} "$@"\n')
    os.chmod(executable, 0o755)
    for _ in range(300):
        if os.path.exists(path) or process.poll() is not None:
            break
        time.sleep(0.05)
    return process, executable


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


if __name__ == "__main__":
    serve(sys.argv[1])
