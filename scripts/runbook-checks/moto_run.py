#!/usr/bin/env python3
"""Runs every stage and migration runbook of each topology against moto_server and holds the
account it builds against the stage it documents (state, not syntax).

Per topology (one `topograph runbook --all-stages` directory), on a moto account seeded with
what the runbooks list as prerequisites (seed_moto.py):
  1. the first stage's runbook, then again (the re-run must change nothing);
  2. each migration into the next stage, then that stage's runbook (must change nothing);
  3. each later stage's runbook on a fresh account: the account must equal the migrated one.
After each stage, account_snapshot.py reads the account back and state_compare.py checks it:
declared resources present once with their attributes, connections allowed by ingress
rules, images pushed and named, AWS rules moto does not enforce. Every failed command is
listed by its reason; only ECS Exec and Session Manager (never sent to moto) may fail.

    moto_run.py [--baseline FILE] TOPOLOGY.yaml=RUNBOOK_DIR ...
Prints the figures; exits 1 when a figure is worse than the baseline's (0 when none given:
every problem is then a failure).
"""
import collections
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import account_snapshot  # noqa: E402
import aws_server  # noqa: E402
import drift_causes  # noqa: E402
import seed_moto  # noqa: E402
import state_compare  # noqa: E402
import topology_stage  # noqa: E402
from runbook_session import Session  # noqa: E402

PYTHON = sys.executable
FIGURES = ["declared", "present", "missing", "twice", "wrong", "connections", "allowed", "blocked", "images", "bad_images",
           "aws_rules", "rerun_changes", "migration_differences", "failed_commands"]
WORSE_WHEN_HIGHER = ["missing", "twice", "wrong", "blocked", "bad_images", "aws_rules", "rerun_changes", "migration_differences", "failed_commands",
                     "drift_findings", "drift_errors"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_moto():
    port = free_port()
    server = subprocess.Popen([os.path.join(os.path.dirname(PYTHON), "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=dict(os.environ, MOTO_IAM_LOAD_MANAGED_POLICIES="true"))
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}"


def differences(before, after):
    """Lines naming what differs between two snapshots."""
    lines = [f"only in the first: {k}" for k in sorted(set(before) - set(after))]
    lines += [f"only in the second: {k}" for k in sorted(set(after) - set(before))]
    lines += [f"differs: {k}: {before[k]} / {after[k]}" for k in sorted(set(before) & set(after)) if before[k] != after[k]]
    return lines


def reason(entry):
    match = re.search(r"\(([A-Za-z.]+(?:Exception|Error|Fault|NotFound|Invalid\w*)?)\)", entry["stderr"]) or re.search(r"(\w+(?:Exception|Error))", entry["stderr"])
    return f"aws {entry['command']}: {match.group(1) if match else (entry['stderr'].strip().splitlines() or ['rc ' + str(entry['rc'])])[-1][:120]}"


class TopologyRun:
    def __init__(self, topology, directory, endpoint, report, drift=None):
        self.drift_account = drift
        self.topology = topology
        self.directory = directory
        self.endpoint = endpoint
        self.report = report
        self.document = topology_stage.load(topology)
        self.region = self.document.get("region", "us-east-1")
        self.name = self.document.get("name", os.path.basename(topology))
        self.stages = topology_stage.stage_names(self.document)
        # The kinds any stage declares: the snapshot reads only their services.
        self.kinds = {body.get("kind") for stage in self.stages for body in topology_stage.resolve(self.document, stage)[0].values()}

    def path(self, stage, target=None):
        if target:
            return os.path.join(self.directory, f"{self.name}-{stage}-to-{target}-migration.md")
        single = os.path.join(self.directory, f"{self.name}-runbook.md")
        return single if stage == "default" and os.path.exists(single) else os.path.join(self.directory, f"{self.name}-{stage}-runbook.md")

    def fresh_account(self):
        urllib.request.urlopen(urllib.request.Request(self.endpoint + "/moto-api/reset", method="POST")).read()
        work = tempfile.mkdtemp(prefix="moto-run-")
        env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION=self.region,
                   AWS_REGION=self.region, AWS_ENDPOINT_URL=self.endpoint, AWS_MAX_ATTEMPTS="1", AWS_PAGER="",
                   AWS_FIFO_DIR=work, STUB_LOG=os.path.join(work, "stubs.log"))
        seed_moto.main(self.endpoint, self.topology, "*")
        return Session(work, env)

    def snapshot(self):
        return account_snapshot.take(self.endpoint, self.region, self.kinds)

    def check(self, stage, snap, session, label):
        result = state_compare.StageCheck(self.document, stage, snap, session.pushes()).run()
        for key, value in result.figures.items():
            self.report.figures[key] += value
        blocked = sum(1 for p in result.problems if p.startswith("blocked:"))
        self.report.figures["blocked"] += blocked
        for problem in result.problems:
            self.report.problem(f"{self.name} {label}: {problem}")

    def finish(self, session):
        session.close()
        for entry in session.commands():
            if entry["args"][:1] == ["@context"] or entry["command"] == "":
                continue
            self.report.figures["commands"] += 1
            if entry.get("emulated"):
                self.report.emulated[f"aws {entry['command']}"] = entry["emulated"]
            if entry["allowed"]:
                self.report.allowed[f"aws {entry['command']}"] = entry["allowed"]
            elif entry["rc"] != 0:
                self.report.figures["failed_commands"] += 1
                self.report.failures[reason(entry)] += 1
                self.report.problem(f"{self.name} ({entry['context']}): aws {' '.join(entry['args'])[:240]} -> rc {entry['rc']}: {entry['stderr'].strip()[-240:]}")
        self.report.stubbed.update(session.stubbed())
        subprocess.run(["rm", "-rf", session.work])

    def drift(self, stage):
        """The round trip: `topograph drift STAGE --against aws` on the account the runbook built."""
        if not self.drift_account:
            return
        started = time.time()
        findings, error = self.drift_account(self.topology, stage, self.region)
        self.report.figures["drift_seconds"] += time.time() - started
        self.report.figures["drift_stages"] += 1
        label = f"{self.name} {stage}"
        if error:
            self.report.figures["drift_errors"] += 1
            self.report.problem(f"{label}: drift --against aws failed: {error}")
            return
        if not findings:
            self.report.figures["drift_clean"] += 1
        for finding in findings:
            cause = drift_causes.moto_cause(finding)
            text = f"{label}: drift {finding['code']} {finding['subject']}: {finding['message']}"
            if cause:
                self.report.figures["drift_moto"] += 1
                self.report.moto_drift[cause] += 1
                self.report.notes.append(f"{text} (moto: {cause})")
            else:
                self.report.figures["drift_findings"] += 1
                self.report.problem(text)

    def rerun(self, session, stage, before, label):
        session.run(f"{label} again", self.path(stage))
        self.report.figures["runbook_runs"] += 1
        changes = differences(before, self.snapshot())
        self.report.figures["rerun_changes"] += len(changes)
        for line in changes:
            self.report.problem(f"{self.name} {label} run again: {line}")

    def run(self):
        first = self.stages[0]
        session = self.fresh_account()
        migrated = {}
        try:
            session.run(f"{first}", self.path(first))
            self.report.figures["runbook_runs"] += 1
            snap = self.snapshot()
            self.check(first, snap, session, first)
            self.drift(first)
            self.rerun(session, first, snap, first)
            for previous, stage in zip(self.stages, self.stages[1:]):
                session.run(f"{previous}->{stage}", self.path(previous, stage), confirmed=True)
                self.report.figures["runbook_runs"] += 1
                migrated[stage] = self.snapshot()
                self.rerun(session, stage, migrated[stage], f"{previous}->{stage} then {stage}")
        finally:
            self.finish(session)
        for stage in self.stages[1:]:
            session = self.fresh_account()
            try:
                session.run(f"{stage} fresh", self.path(stage))
                self.report.figures["runbook_runs"] += 1
                fresh = self.snapshot()
                self.check(stage, fresh, session, stage)
                self.drift(stage)
                diff = differences(migrated[stage], fresh)
                self.report.figures["migration_differences"] += len(diff)
                for line in diff:
                    self.report.problem(f"{self.name} migrated into {stage} vs {stage} fresh: {line}")
            finally:
                self.finish(session)


class Report:
    def __init__(self):
        self.figures = collections.Counter()
        self.problems = []
        self.allowed = {}
        self.emulated = {}
        self.per_topology = []
        self.failures = collections.Counter()
        self.stubbed = collections.Counter()
        self.moto_drift = collections.Counter()
        self.notes = []

    def problem(self, text):
        self.problems.append(text)

    def merge(self, other):
        self.figures.update(other.figures)
        self.problems += other.problems
        self.allowed.update(other.allowed)
        self.emulated.update(other.emulated)
        self.per_topology += other.per_topology
        self.failures.update(other.failures)
        self.stubbed.update(other.stubbed)
        self.moto_drift.update(other.moto_drift)
        self.notes += other.notes


def drift_runner(topograph, endpoint, cli):
    """A function (topology, stage, region) -> (findings, error) running `topograph drift`."""
    env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", TOPOGRAPH_AWS_CLI=cli, AWS_PAGER="")
    env.pop("AWS_PROFILE", None)

    def drift(topology, stage, region):
        command = [topograph, "drift", topology, "--against", "aws", "--endpoint-url", endpoint, "--region", region, "--format", "json"]
        if stage != "default":
            command += ["--stage", stage]
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
        if result.returncode not in (0, 1):
            return [], f"exit {result.returncode}: {result.stderr.strip()[-600:]}"
        try:
            return json.loads(result.stdout).get("findings", []), None
        except ValueError:
            return [], f"exit {result.returncode}, not JSON: {result.stdout[:300]} {result.stderr.strip()[-300:]}"
    return drift


def run_batch(pairs, topograph=None):
    report = Report()
    server, endpoint = start_moto()
    cli_work = tempfile.mkdtemp(prefix="moto-aws-")
    cli_server, cli = aws_server.start(cli_work, dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing"))
    drift = drift_runner(topograph, endpoint, cli) if topograph else None
    try:
        for pair in pairs:
            topology, directory = pair.split("=")[:2]
            before = collections.Counter(report.figures)
            try:
                TopologyRun(topology, directory, endpoint, report, drift).run()
            except Exception as error:  # a crash of one topology is a failure of it, not of the batch
                report.problem(f"{topology}: {type(error).__name__}: {error}")
                report.figures["failed_commands"] += 1
            f = collections.Counter(report.figures)
            f.subtract(before)
            report.per_topology.append(
                f"{os.path.basename(topology)[:-5]:40} declared {f['declared']:3} present {f['present']:3} missing {f['missing']:2}"
                f"  connections {f['allowed']}/{f['connections']}  drift: {f['drift_clean']}/{f['drift_stages']} stages 0,"
                f" findings {f['drift_findings']} (+{f['drift_moto']} moto), {f['drift_seconds']:.0f} s")
    finally:
        aws_server.stop(cli_server)
        subprocess.run(["rm", "-rf", cli_work])
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return server.pid, report


def main(argv):
    import multiprocessing
    import functools
    baseline = None
    topograph = None
    while argv[:1] in (["--baseline"], ["--topograph"]):
        if argv[0] == "--baseline":
            baseline = json.load(open(argv[1], encoding="utf-8"))
        else:
            topograph = os.path.abspath(argv[1])
        argv = argv[2:]
    start = time.time()
    # Two moto servers, each with its own share of the topologies (2 cores in CI).
    batches = [b for b in (argv[0::2], argv[1::2]) if b]
    with multiprocessing.Pool(len(batches)) as pool:
        results = pool.map(functools.partial(run_batch, topograph=topograph), batches)
    report = Report()
    for pid, batch in results:
        print(f"moto_server pid {pid}: started and stopped by this check")
        report.merge(batch)
    for problem in report.problems:
        print("PROBLEM", problem)
    for name, why in sorted(report.allowed.items()):
        print(f"allowed to fail (not sent to moto): {name}: {why}")
    for name, why in sorted(report.emulated.items()):
        print(f"answered by the driver (moto lacks it): {name}: {why}")
    for why, count in report.failures.most_common():
        print(f"failed commands: {count} x {why}")
    for note in report.notes:
        print("NOTE", note)
    for cause, count in report.moto_drift.most_common():
        print(f"drift caused by moto, not counted: {count} x {cause}")
    print("not AWS, stubbed: " + ", ".join(f"{k} x{v}" for k, v in sorted(report.stubbed.items())))
    for line in sorted(report.per_topology):
        print(line)
    f = report.figures
    print(f"runbook-state: {len(argv)} topologies, {f['runbook_runs']} runbook runs, {f['commands']} aws commands, {time.time() - start:.0f} s")
    print(f"  declared {f['declared']}, present once {f['present']}, missing {f['missing']}, twice {f['twice']}, wrong attributes {f['wrong']}")
    print(f"  connections {f['connections']}, allowed {f['allowed']}, blocked {f['blocked']}; images {f['images']}, bad {f['bad_images']}")
    print(f"  AWS rules broken {f['aws_rules']}; re-run changes {f['rerun_changes']}; migration differences {f['migration_differences']}; failed commands {f['failed_commands']}")
    if topograph:
        print(f"  round trip: drift --against aws on {f['drift_stages']} stages: {f['drift_clean']} drift 0; findings {f['drift_findings']}"
              f" (+ {f['drift_moto']} caused by moto); drift errors {f['drift_errors']}; {f['drift_seconds']:.0f} s of drift in the two batches")
    if baseline is None:
        return 1 if any(f[k] for k in WORSE_WHEN_HIGHER) else 0
    worse = [f"{k}: {f[k]} > baseline {baseline.get(k, 0)}" for k in WORSE_WHEN_HIGHER if f[k] > baseline.get(k, 0)]
    better = [f"{k}: {f[k]} < baseline {baseline.get(k, 0)}" for k in WORSE_WHEN_HIGHER if f[k] < baseline.get(k, 0)]
    for line in worse:
        print("WORSE than the baseline:", line)
    for line in better:
        print("better than the baseline (lower it):", line)
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
