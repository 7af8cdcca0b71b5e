#!/usr/bin/env python3
"""Runs runbooks end to end against moto_server, in order, and checks they are idempotent.

For each topology (the runbooks of one `topograph runbook --all-stages` output directory):
start `moto_server` on 127.0.0.1 (a free port, stopped by its PID), seed it from the
topology (seed_moto.py), then run, as one bash session each, the `bash` blocks of: the first
stage's runbook, each migration followed by the next stage's runbook; a topology without
stages runs its runbook twice. `aws` is served by aws_driver.py (awscli in-process, so the
real CLI parser and botocore requests); docker, curl, vegeta, psql, mysql and redis-cli are
stubs that log and do nothing (no daemon, no endpoints here; the redis steps run against a
real redis-server in redis-sessions.sh). Afterwards every named thing the runbooks create
must exist exactly once.

    moto_run.py TOPOLOGY.yaml=RUNBOOK_DIR[=twice] ...
Prints the figures and exits 1 when a command failed or something was created twice.
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

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = sys.executable
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
'''


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bash_blocks(path):
    text = open(path, encoding="utf-8").read()
    return [m.group(1) for m in re.finditer(r"^```bash\n(.*?)^```", text, re.S | re.M)]


def sequence(directory, repeat=False):
    files = sorted(os.listdir(directory))
    stages = [f for f in files if f.endswith("-runbook.md")]
    migrations = {re.match(r".*-(\w+)-to-(\w+)-migration\.md$", f).groups(): f for f in files if f.endswith("-migration.md")}
    if not migrations:
        return [stages[0], stages[0]] if repeat else [stages[0]]
    names = [re.match(r".*-(\w+)-runbook\.md$", s).group(1) for s in stages]
    by_name = dict(zip(names, stages))
    order = [n for n in names if not any(to == n for (_, to) in migrations)]
    first = order[0] if order else names[0]
    run = [by_name[first]]
    current = first
    while True:
        step = next(((f, t) for (f, t) in migrations if f == current), None)
        if not step:
            break
        run += [migrations[step], by_name[step[1]]]
        current = step[1]
    return run


def duplicates(endpoint, region):
    import boto3
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=region)
    c = lambda n: session.client(n, endpoint_url=endpoint)
    names = []
    names += ["load balancer " + lb["LoadBalancerName"] for lb in c("elbv2").describe_load_balancers()["LoadBalancers"]]
    names += ["target group " + tg["TargetGroupName"] for tg in c("elbv2").describe_target_groups()["TargetGroups"]]
    for lb in c("elbv2").describe_load_balancers()["LoadBalancers"]:
        names += [f"listener {lb['LoadBalancerName']}:{l['Port']}" for l in c("elbv2").describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"]]
    apis = c("apigatewayv2").get_apis()["Items"]
    names += ["http api " + a["Name"] for a in apis]
    for api in apis:
        names += [f"route {api['Name']} {r['RouteKey']}" for r in c("apigatewayv2").get_routes(ApiId=api["ApiId"])["Items"]]
    names += ["vpc link v2 " + l["Name"] for l in c("apigatewayv2").get_vpc_links()["Items"]]
    names += ["rest api " + a["name"] for a in c("apigateway").get_rest_apis()["items"]]
    names += ["vpc link v1 " + l["name"] for l in c("apigateway").get_vpc_links()["items"]]
    names += ["security group " + g["GroupName"] for g in c("ec2").describe_security_groups()["SecurityGroups"] if g["GroupName"] != "default"]
    names += ["vpc endpoint " + e["ServiceName"] for e in c("ec2").describe_vpc_endpoints()["VpcEndpoints"]]
    for cluster in c("ecs").list_clusters()["clusterArns"]:
        names += ["cluster " + cluster]
        names += ["ecs service " + s for s in c("ecs").list_services(cluster=cluster)["serviceArns"]]
    names += ["role " + r["RoleName"] for r in c("iam").list_roles()["Roles"]]
    return sorted(n for n, count in collections.Counter(names).items() if count > 1)


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


def run_topology(topology, directory, endpoint, totals, problems, repeat=False):
    import urllib.request
    import yaml
    region = (yaml.safe_load(open(topology, encoding="utf-8")) or {}).get("region", "us-east-1")
    work = tempfile.mkdtemp(prefix="moto-run-")
    urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset", method="POST")).read()
    driver = None
    try:
        env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION=region,
                   AWS_REGION=region, AWS_ENDPOINT_URL=endpoint, AWS_MAX_ATTEMPTS="1", AWS_PAGER="",
                   AWS_FIFO_DIR=work, STUB_LOG=os.path.join(work, "stubs.log"))
        seeded = subprocess.run([PYTHON, os.path.join(HERE, "seed_moto.py"), endpoint, topology, "*"], env=env, capture_output=True, text=True)
        if seeded.returncode != 0:
            problems.append(f"{topology}: seeding failed: {seeded.stderr.strip()[-600:]}")
            return
        for name in ("request", "status"):
            os.mkfifo(os.path.join(work, name))
        log = os.path.join(work, "commands.jsonl")
        driver = subprocess.Popen([PYTHON, os.path.join(HERE, "aws_driver.py"), work, log], env=env, cwd=work)
        for step, runbook in enumerate(sequence(directory, repeat)):
            script = STUBS + f"aws @context {json.dumps(f'{step + 1}. {runbook}')}\n" + "\n".join(bash_blocks(os.path.join(directory, runbook)))
            result = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True, timeout=600)
            totals["runbooks"] += 1
            if result.returncode not in (0,):
                pass  # each command's status is judged from the log, not the last one
        with open(os.path.join(work, "request"), "wb") as handle:
            handle.write(b"QUIT\0")
        driver.wait(timeout=30)
        driver = None
        for line in open(log, encoding="utf-8"):
            entry = json.loads(line)
            if entry["command"] == "" or entry["args"][:1] == ["@context"]:
                continue
            totals["commands"] += 1
            if entry["allowed"]:
                totals["allowed"] += 1
                totals["allowed_by_name"][f"aws {entry['command']}"] = entry["allowed"]
            elif entry["rc"] == 0:
                totals["ok"] += 1
            else:
                totals["failed"] += 1
                problems.append(f"{topology} ({entry['context']}): aws {' '.join(entry['args'])[:300]} -> rc {entry['rc']}: {entry['stderr'].strip()[-300:]}")
        for twice in duplicates(endpoint, region):
            problems.append(f"{topology}: created twice: {twice}")
            totals["duplicates"] += 1
        if os.path.exists(env["STUB_LOG"]):
            for line in open(env["STUB_LOG"], encoding="utf-8"):
                totals["stubbed"][line.split()[1]] += 1
    finally:
        if driver:
            driver.kill()
        subprocess.run(["rm", "-rf", work])


def run_batch(pairs):
    totals = collections.Counter()
    allowed = {}
    stubbed = collections.Counter()
    totals["allowed_by_name"] = allowed
    totals["stubbed"] = stubbed
    problems = []
    server, endpoint = start_moto()
    try:
        for pair in pairs:
            topology, directory, *repeat = pair.split("=")
            run_topology(topology, directory, endpoint, totals, problems, repeat == ["twice"])
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    counts = {k: v for k, v in totals.items() if isinstance(v, int)}
    return server.pid, counts, allowed, dict(stubbed), problems


def main(pairs):
    import multiprocessing
    # Two moto servers, each with its own share of the topologies (2 cores in CI).
    batches = [pairs[0::2], pairs[1::2]]
    with multiprocessing.Pool(2) as pool:
        results = pool.map(run_batch, [b for b in batches if b])
    totals = collections.Counter()
    allowed = {}
    stubbed = collections.Counter()
    problems = []
    for pid, counts, batch_allowed, batch_stubbed, batch_problems in results:
        print(f"moto_server pid {pid}: started and stopped by this check")
        totals.update(counts)
        allowed.update(batch_allowed)
        stubbed.update(batch_stubbed)
        problems += batch_problems
    for problem in problems:
        print("FAIL", problem)
    for name, reason in sorted(allowed.items()):
        print(f"allowed to fail: {name}: {reason}")
    print("not AWS, stubbed (no daemon or endpoint here): " + ", ".join(f"{k} x{v}" for k, v in sorted(stubbed.items())))
    print(f"runbook-moto: {len(pairs)} topologies, {totals['runbooks']} runbook runs, {totals['commands']} aws commands run in moto: "
          f"{totals['ok']} ok, {totals['failed']} failed, {totals['allowed']} allowed to fail; created twice: {totals['duplicates']}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
