#!/usr/bin/env python3
"""Hostile values: every attribute that reaches a runbook command, with each payload.

For each (topology, resource, attribute) below and each payload (quotes, `$()`, backticks,
`;`, `|`, `&&`, a newline), the value is planted in a copy of the topology. Then either
`topograph validate` refuses it (exit 2), or every `bash`/`sh` block of every runbook of
every stage and migration is run by bash, in a scratch directory, with stub `aws`,
`docker`, `redis-cli`, `curl`, `vegeta`, `psql` and `mysql` first on PATH (the stub aws
prints `None`, so look-ups take their create branches too), and the payload's `touch`
must not have happened. Prints refused / inert / injected counts; exits 1 on any injection
or on a crash (exit other than 0 and 2).

    hostile.py TOPOGRAPH_BINARY
"""
import copy
import os
import re
import subprocess
import sys
import tempfile

import yaml

PAYLOADS = [
    "x$(touch PWNED)", "x`touch PWNED`", "x;touch PWNED", "x'; touch PWNED; '", 'x"; touch PWNED; "',
    "x|touch PWNED", "x&&touch PWNED", "x\ntouch PWNED",
]

# (file, resource id or None for the top level, attribute path). Every attribute that reaches
# a command in some runbook of that file.
TARGETS = [
    ("Docs/examples/session-store.yaml", None, "title"),
    ("Docs/examples/session-store.yaml", None, "region"),
    ("Docs/examples/session-store.yaml", None, "account"),
    ("Docs/examples/session-store.yaml", "vpc", "cidr"),
    ("Docs/examples/session-store.yaml", "private-a", "cidr"),
    ("Docs/examples/session-store.yaml", "private-a", "az"),
    ("Docs/examples/session-store.yaml", "alb", "name"),
    ("Docs/examples/session-store.yaml", "alb", "health_check"),
    ("Docs/examples/session-store.yaml", "alb", "zones.0"),
    ("Docs/examples/session-store.yaml", "cluster", "name"),
    ("Docs/examples/session-store.yaml", "web", "name"),
    ("Docs/examples/session-store.yaml", "web", "containers.0.name"),
    ("Docs/examples/session-store.yaml", "web", "containers.0.image"),
    ("Docs/examples/session-store.yaml", "web", "health_check"),
    ("Docs/examples/session-store.yaml", "discovery", "namespace"),
    ("Docs/examples/session-store.yaml", "sessions", "name"),
    ("Docs/examples/session-store.yaml", "sessions", "key_pattern"),
    ("Docs/examples/session-store.yaml", "sessions", "local_container"),
    ("Docs/examples/session-store.yaml", "images", "name"),
    ("Docs/examples/session-store.yaml", "dns", "record"),
    ("Docs/examples/session-store.yaml", "web-scaling", "metric"),
    ("Docs/examples/session-store.yaml", "alb", "label"),
    ("Docs/examples/session-store.yaml", "stage:V2:authorizer", "name"),
    ("Docs/examples/session-store.yaml", "stage:V2:api", "name"),
    ("Docs/examples/session-store.yaml", "stage:V2:api", "routes.0"),
    ("Docs/examples/session-store.yaml", "stage:V2:api", "path_mapping"),
    ("Docs/examples/session-store.yaml", "stage:V2:api", "stage_name"),
    ("Docs/examples/session-store.yaml", "stage:V2:link", "name"),
    ("Docs/examples/session-store.yaml", "stage:V3:execute-api-endpoint", "service"),
    ("Docs/examples/session-store.yaml", "stage:V3:nlb", "name"),
    ("Docs/examples/session-store.yaml", "stage:V3:rest-api", "name"),
    ("Docs/examples/session-store.yaml", "stage:V3:rest-api", "stage_name"),
    ("Docs/examples/session-store.yaml", "stage:V3:rest-api", "request_headers.0"),
    ("Docs/examples/session-store.yaml", "stage:V3:rest-link", "name"),
    ("Tests/Corpus/rest-nlb-alb-cognito-waf.yaml", "firewall", "name"),
    ("Tests/Corpus/rest-nlb-alb-cognito-waf.yaml", "user-pool", "name"),
    ("Tests/Corpus/rest-nlb-alb-cognito-waf.yaml", "uploads", "name"),
    ("Tests/Corpus/rest-nlb-alb-cognito-waf.yaml", "bastion", "name"),
    ("Tests/Corpus/rest-nlb-alb-cognito-waf.yaml", "bastion", "instance_type"),
    ("Tests/Corpus/rest-nlb-alb-cognito-waf.yaml", "db", "name"),
    ("Tests/Corpus/rest-nlb-alb-cognito-waf.yaml", "db", "engine"),
    ("Tests/Corpus/rest-nlb-alb-cognito-waf.yaml", "connection:alb->test1", "label"),
    ("Tests/Corpus/serverless-api.yaml", "notes-handler", "name"),
    ("Tests/Corpus/serverless-api.yaml", "notes-handler", "runtime"),
    ("Tests/Corpus/monolith-to-services.yaml", "stage:V2:orders-db", "name"),
    # Free text of the newer kinds that reaches a create command (a pattern becomes JSON).
    ("Tests/Corpus/services-serverless-orders.yaml", "order-placed", "pattern"),
    ("Tests/Corpus/services-serverless-orders.yaml", "dlq-alarm", "metric"),
    ("Tests/Corpus/services-serverless-orders.yaml", "orders-key", "alias"),
]

STUB = "#!/bin/sh\n[ \"$(basename \"$0\")\" = aws ] && echo None\nexit 0\n"


def plant(document, target, attribute, value):
    if target is None:
        holder = document
    elif target.startswith("stage:"):
        _, stage, rid = target.split(":")
        holder = next(s for s in document["stages"] if s["name"] == stage)["add"]["resources"][rid]
    elif target.startswith("connection:"):
        ends = target.split(":", 1)[1]
        for index, connection in enumerate(document["connections"]):
            if isinstance(connection, dict) and f"{connection.get('from')}->{connection.get('to')}" == ends:
                holder = connection
                break
    else:
        holder = document["resources"][target]
    parts = attribute.split(".")
    for part in parts[:-1]:
        holder = holder[int(part)] if part.isdigit() else holder[part]
    last = parts[-1]
    if last.isdigit():
        holder[int(last)] = value
    else:
        holder[last] = value


def run_case(case_args):
    binary, templates, env, file, target, attribute, payload = case_args
    document = yaml.safe_load(open(file, encoding="utf-8"))
    plant(document, target, attribute, payload)
    work = tempfile.mkdtemp(prefix="hostile-")
    try:
        path = os.path.join(work, "topology.yaml")
        with open(path, "w", encoding="utf-8") as handle:
            yaml.safe_dump(document, handle, sort_keys=False, allow_unicode=True)
        case = f"{file} {target or 'top level'}.{attribute} = {payload!r}"
        validated = subprocess.run([binary, "validate", path], capture_output=True, text=True)
        if validated.returncode == 2:
            return "refused", None
        if validated.returncode != 0:
            return "crashed", f"CRASH {case}: validate exited {validated.returncode}"
        out = os.path.join(work, "out")
        generated = subprocess.run([binary, "runbook", path, "--all-stages", "-o", out + "/"] + (["--templates", templates] if templates else []), capture_output=True, text=True)
        if generated.returncode != 0:
            return "crashed", f"CRASH {case}: runbook exited {generated.returncode}: {generated.stderr[-200:]}"
        sandbox = os.path.join(work, "sandbox")
        os.mkdir(sandbox)
        for name in sorted(os.listdir(out)):
            text = open(os.path.join(out, name), encoding="utf-8").read()
            blocks = [m.group(1) for m in re.finditer(r"^```(?:bash|sh)(?:[ \t]*\{[^}\n]*\})?[ \t]*\n(.*?)^```", text, re.S | re.M)]
            # Each block in its own subshell, so one failing block does not hide the next.
            script = "\n".join("(\n" + block + "\n) </dev/null >/dev/null 2>&1" for block in blocks)
            subprocess.run(["bash", "-c", script], cwd=sandbox, env=env, capture_output=True, timeout=60)
        if any(name.startswith("PWNED") for name in os.listdir(sandbox)) or os.path.exists(os.path.join(work, "PWNED")):
            return "injected", f"INJECTED {case}"
        return "inert", None
    finally:
        subprocess.run(["rm", "-rf", work])


def main(binary, templates=None, targets=None):
    stubs = tempfile.mkdtemp(prefix="hostile-stubs-")
    for tool in ["aws", "docker", "redis-cli", "curl", "vegeta", "psql", "mysql", "session-manager-plugin"]:
        path = os.path.join(stubs, tool)
        with open(path, "w") as handle:
            handle.write(STUB)
        os.chmod(path, 0o755)
    env = dict(os.environ, PATH=stubs + os.pathsep + os.environ["PATH"])
    cases = [(binary, templates, env, file, target, attribute, payload)
             for file, target, attribute in targets or TARGETS for payload in PAYLOADS]
    import multiprocessing
    with multiprocessing.Pool(2) as pool:
        results = pool.map(run_case, cases)
    counts = {"refused": 0, "inert": 0, "injected": 0, "crashed": 0}
    failures = []
    for outcome, message in results:
        counts[outcome] += 1
        if message:
            failures.append(message)
    refused, inert, injected, crashed = counts["refused"], counts["inert"], counts["injected"], counts["crashed"]
    for failure in failures:
        print(failure)
    total = refused + inert + injected + crashed
    print(f"hostile-values: {len(targets or TARGETS)} attributes x {len(PAYLOADS)} payloads = {total} cases: "
          f"{refused} refused by validate, {inert} accepted and inert, {injected} injected, {crashed} crashed")
    return 1 if injected or crashed or total == 0 else 0


def self_test(binary):
    """A template that puts a raw value into a command must be caught."""
    templates = tempfile.mkdtemp(prefix="hostile-templates-")
    with open(os.path.join(templates, "sections.mustache"), "w") as handle:
        handle.write("```bash\necho {{title.value}}\n```\n")
    print("self-test (a template with a raw value in a command):")
    return main(binary, templates, [("Docs/examples/session-store.yaml", None, "title")])


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--self-test":
        sys.exit(0 if self_test(sys.argv[1]) == 1 else 1)
    sys.exit(main(sys.argv[1]))
