"""One runbook run as one bash session against moto, with `aws` served by aws_driver.py.

A runbook's `bash` blocks (info string `bash` or `bash { name=... }`), minus those marked
`excludeFromRunAll=true` (disruptive ones a person runs on purpose), run in order in one
bash process. docker, curl, vegeta, psql, mysql, redis-cli and session-manager-plugin are
stubs that log their arguments: no daemon or endpoint here; `docker push URI` in that log is
what the image check accepts as pushed.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = sys.executable
BLOCK = re.compile(r"^```bash(?:[ \t]*\{([^}\n]*)\})?[ \t]*\n(.*?)^```", re.S | re.M)
STUBS = r'''
aws() {
  printf '%s\0' "$@" > "$AWS_FIFO_DIR/request"
  local rc
  read -r rc < "$AWS_FIFO_DIR/status"
  cat "$AWS_FIFO_DIR/out"
  cat "$AWS_FIFO_DIR/err" >&2
  return "$rc"
}
stub() { printf '%s\n' "stub: $*" >> "$STUB_LOG"; }
docker() { stub docker "$@"; }
curl() { stub curl "$@"; echo 000; }
vegeta() { stub vegeta "$@"; }
psql() { stub psql "$@"; }
mysql() { stub mysql "$@"; }
redis-cli() { stub redis-cli "$@"; }
session-manager-plugin() { stub session-manager-plugin "$@"; }
'''


def attributes(info):
    """`name=x excludeFromRunAll=true` -> {"name": "x", "excludeFromRunAll": "true"}."""
    return dict(re.findall(r"([A-Za-z][\w-]*)=(\"[^\"]*\"|\S+)", info or ""))


CONFIRM = re.compile(r"\$\{(CONFIRM_[A-Z0-9_]+):=[^}]*\}\"? = '?([A-Za-z0-9._-]+)'?")


def bash_blocks(path, confirmed=False):
    """The blocks run-all runs; with `confirmed`, also the excluded ones guarded by a
    confirmation variable (a migration's removals), with that variable set as the prose asks."""
    text = open(path, encoding="utf-8").read()
    found = []
    for match in BLOCK.finditer(text):
        attrs = attributes(match.group(1))
        body = match.group(2)
        if attrs.get("excludeFromRunAll") == "true":
            guard = CONFIRM.search(body)
            # Only a migration's removals: its rollback blocks undo the migration itself.
            if not (confirmed and guard and "-remove-" in "-" + attrs.get("name", "")):
                continue
            body = f"{guard.group(1)}={guard.group(2)}\n" + body
        found.append(body)
    return found


class Session:
    """The aws driver process (one per moto account) and the scratch directory of the runs."""

    def __init__(self, work, env):
        self.work = work
        self.env = env
        self.log = os.path.join(work, "commands.jsonl")
        for name in ("request", "status"):
            os.mkfifo(os.path.join(work, name))
        self.driver = subprocess.Popen([PYTHON, os.path.join(HERE, "aws_driver.py"), work, self.log], env=env, cwd=work)

    def run(self, context, runbook, confirmed=False):
        script = STUBS + f"aws @context {json.dumps(context)}\n" + "\n".join(bash_blocks(runbook, confirmed))
        subprocess.run(["bash", "-c", script], cwd=self.work, env=self.env, capture_output=True, text=True, timeout=600)

    def close(self):
        if self.driver is None:
            return
        try:
            with open(os.path.join(self.work, "request"), "wb") as handle:
                handle.write(b"QUIT\0")
            self.driver.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.driver.kill()
        self.driver = None

    def commands(self):
        if not os.path.exists(self.log):
            return []
        return [json.loads(line) for line in open(self.log, encoding="utf-8")]

    def pushes(self):
        path = self.env["STUB_LOG"]
        if not os.path.exists(path):
            return set()
        return {line.split()[3] for line in open(path, encoding="utf-8") if line.split()[1:3] == ["docker", "push"] and len(line.split()) > 3}

    def stubbed(self):
        path = self.env["STUB_LOG"]
        return [line.split()[1] for line in open(path, encoding="utf-8")] if os.path.exists(path) else []
