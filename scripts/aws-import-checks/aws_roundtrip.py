#!/usr/bin/env python3
"""`import aws` and `drift --against aws` against moto_server (127.0.0.1, a free port,
started and stopped by PID). Per topology: seed the account with boto3 (seed_account.py, not
through Topograph), import it with `--ids-from` the topology, measure what came back, run
`drift --against aws` (exit 0), then change the account (delete a listener, change a desired
count, remove an ingress rule, add a service) and run drift again: exit 1, each change named.

    aws_roundtrip.py TOPOGRAPH AWS_CLI TOPOLOGY.yaml...
Every call goes through AWS_CLI as Topograph runs it by default: a few long-lived CLI
processes serve the calls when AWS_CLI is a Python script (PyPI's v1 is). One drift, that of
PER_CALL_TOPOLOGY, runs with --process-per-call (what a single-binary CLI gets), so both paths
meet the real CLI; more would cost ~0.5 s of CPU per call.
Prints one line of figures per topology, the operations moto lacks, and exits 1 on a failure.

Figures (resources the account can hold: kinds other than user, internet, external):
  resources    documented ones with an imported resource of the same id and kind
  nestings     documented `in:` with the same container, or a subnet the import lists in `subnets:`
  connections  documented edges between two account resources with an imported edge between
               the same ends, or between what they contain (`images -> cluster` is proven by
               `images -> web` when web sits in cluster)
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

import boto3
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "runbook-checks"))
from moto_run import start_moto  # noqa: E402

PER_CALL_TOPOLOGY = "serverless-api"
NOT_IN_ACCOUNT = {"user", "internet", "external", "external-service", "security-group", "iam-role", "generic"}
# What moto does not keep, so no import can read it back: (from kind, to kind) -> why. Edges
# that need it are listed, not counted.
MOTO_GAPS = {
    ("*", "elasticache-redis"): "moto keeps no security groups on cache clusters (CreateReplicationGroup/CreateCacheCluster "
                                "SecurityGroupIds), so no ingress rule proves an edge to a cache",
    ("api-gateway-rest", "vpc-link"): "moto's apigateway PutIntegration does not store connectionId",
    ("waf", "*"): "moto lacks wafv2 ListResourcesForWebACL",
}


# Documented edges no source can prove: a function or service reading a table or bucket, or
# putting events on a bus, is an IAM grant, not a link between resources (Docs/import.md,
# "What a template cannot say").
DATA_ACCESS = ({"lambda", "ecs-service", "ec2", "autoscaling-group"}, {"dynamodb", "s3", "sqs", "sns", "eventbridge-bus", "kinesis-stream"})


def unprovable(a, b):
    """Data access, and traffic to a gateway endpoint (a route of the subnet's table, not a
    rule between two resources: Docs/import.md)."""
    if b.get("kind") == "vpc-endpoint" and b.get("endpoint_type", "gateway") == "gateway":
        return True
    return a["kind"] in DATA_ACCESS[0] and b["kind"] in DATA_ACCESS[1]


def gap(a_kind, b_kind):
    return MOTO_GAPS.get((a_kind, b_kind)) or MOTO_GAPS.get(("*", b_kind)) or MOTO_GAPS.get((a_kind, "*"))


def edge(c):
    if isinstance(c, str):
        c = {c: None}
    if isinstance(c, dict) and "from" in c:
        return c["from"], c["to"]
    (key, _), = c.items()
    a, b = [p.strip() for p in key.split("->")]
    return a, b


def descendants(resources, rid):
    found = {rid}
    changed = True
    while changed:
        changed = False
        for other, r in resources.items():
            if other not in found and r.get("in") in found:
                found.add(other)
                changed = True
    return found


def containers(resources, rid):
    """The container of an imported resource, and the ones above it through the zones import
    adds (a subnet the topology puts `in: vpc` with `az:` is imported in its zone, in the VPC)."""
    found = [resources[rid].get("in")]
    while found[-1] in resources and resources[found[-1]].get("kind") == "availability-zone":
        found.append(resources[found[-1]].get("in"))
    return found


def figures(documented, imported):
    dres, ires = documented["resources"], imported["resources"]
    counted = [i for i, r in dres.items() if r["kind"] not in NOT_IN_ACCOUNT]
    found = [i for i in counted if ires.get(i, {}).get("kind") == dres[i]["kind"]]
    nested = [i for i in counted if dres[i].get("in")]
    same = [i for i in nested if i in ires and (dres[i]["in"] in containers(ires, i) or dres[i]["in"] in (ires[i].get("subnets") or []))]
    edges = {edge(c) for c in imported.get("connections") or []}
    provable = [edge(c) for c in documented.get("connections") or []
                if all(dres.get(x, {}).get("kind") not in NOT_IN_ACCOUNT and x in dres for x in edge(c))]
    provable = [(a, b) for a, b in provable if not unprovable(dres[a], dres[b])]
    gaps = [(a, b) for a, b in provable if (a, b) not in edges and gap(dres[a]["kind"], dres[b]["kind"])]
    provable = [e for e in provable if e not in gaps]
    recovered = [(a, b) for a, b in provable
                 if any((x, y) in edges for x in descendants(ires, a) for y in descendants(ires, b))]
    missing = [f"{a} -> {b}" for a, b in provable if (a, b) not in recovered]
    gap_notes = [f"{a} -> {b} ({gap(dres[a]['kind'], dres[b]['kind'])})" for a, b in gaps]
    return (len(found), len(counted)), (len(same), len(nested)), (len(recovered), len(provable)), sorted(set(counted) - set(found)), missing, gap_notes


def mutate(endpoint, region, documented, seeded):
    """Changes the account four ways; returns the drift subjects each must produce."""
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=region)
    c = lambda n: session.client(n, endpoint_url=endpoint)
    res, ids, groups = documented["resources"], seeded["ids"], seeded["security_groups"]
    expected = []
    lb = next((i for i, r in res.items() if r["kind"] in ("alb", "nlb") and r.get("listeners")), None)
    if lb:
        port = res[lb]["listeners"][0]
        c("elbv2").delete_listener(ListenerArn=ids[f"{lb}:listener:{port}"])
        expected.append(("attribute", f"{lb}.listeners", f"delete listener {lb}:{port}"))
    service = next((i for i, r in res.items() if r["kind"] == "ecs-service" and "desired" in r), None)
    if service:
        cluster = ids[res[service]["in"]]
        c("ecs").update_service(cluster=cluster, service=ids[service], desiredCount=res[service]["desired"] + 3)
        expected.append(("attribute", f"{service}.desired", f"desired count of {service} {res[service]['desired']} -> {res[service]['desired'] + 3}"))
    for connection in documented.get("connections") or []:
        a, b = edge(connection)
        if a in groups and b in groups:
            group = c("ec2").describe_security_groups(GroupIds=[groups[b]])["SecurityGroups"][0]
            rules = [p for p in group["IpPermissions"] if any(pair["GroupId"] == groups[a] for pair in p.get("UserIdGroupPairs", []))]
            if rules:
                c("ec2").revoke_security_group_ingress(GroupId=groups[b], IpPermissions=rules)
                expected.append(("connection", f"{a} -> {b}", f"ingress rule {a} -> {b} removed"))
                break
    queue = next((i for i, r in res.items() if r["kind"] == "sqs" and "visibility_timeout" in r), None)
    if queue:
        url = c("sqs").get_queue_url(QueueName=res[queue].get("name", queue))["QueueUrl"]
        c("sqs").set_queue_attributes(QueueUrl=url, Attributes={"VisibilityTimeout": str(res[queue]["visibility_timeout"] + 60)})
        expected.append(("attribute", f"{queue}.visibility_timeout", f"visibility timeout of {queue} + 60 s"))
        c("sqs").create_queue(QueueName="unplanned-queue")
        expected.append(("not-documented", "unplanned-queue", "queue unplanned-queue added"))
    # What the account says over time: a function's timeout, a key's rotation.
    function = next((i for i, r in res.items() if r["kind"] == "lambda" and "timeout" in r), None)
    if function:
        c("lambda").update_function_configuration(FunctionName=res[function].get("name", function), Timeout=res[function]["timeout"] + 5)
        expected.append(("attribute", f"{function}.timeout", f"timeout of {function} + 5 s"))
    key = next((i for i, r in res.items() if r["kind"] == "kms-key" and r.get("rotation") and r.get("alias")), None)
    if key:
        target = next(a["TargetKeyId"] for a in c("kms").list_aliases()["Aliases"] if a["AliasName"] == res[key]["alias"])
        c("kms").disable_key_rotation(KeyId=target)
        expected.append(("attribute", f"{key}.rotation", f"rotation of {key} disabled"))
    fleet = next((i for i, r in res.items() if r["kind"] == "autoscaling-group" and "desired" in r), None)
    if fleet:
        c("autoscaling").update_auto_scaling_group(AutoScalingGroupName=res[fleet].get("name", fleet), DesiredCapacity=res[fleet]["desired"] + 1)
        expected.append(("attribute", f"{fleet}.desired", f"desired capacity of {fleet} {res[fleet]['desired']} -> {res[fleet]['desired'] + 1}"))
    cluster = next((i for i, r in res.items() if r["kind"] == "ecs-cluster"), None)
    if cluster:
        task = c("ecs").register_task_definition(family="unplanned", containerDefinitions=[{"name": "unplanned", "image": "nginx", "memory": 256}])
        c("ecs").create_service(cluster=ids[cluster], serviceName="unplanned-worker", taskDefinition=task["taskDefinition"]["taskDefinitionArn"], desiredCount=1)
        expected.append(("not-documented", "unplanned-worker", "service unplanned-worker added"))
    return expected


def main(topograph, cli, topologies):
    server, endpoint = start_moto()
    failures = []
    plain = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", TOPOGRAPH_AWS_CLI=cli, AWS_PAGER="")
    plain.pop("AWS_PROFILE", None)
    env = plain
    lacking = set()
    try:
        version = subprocess.run([cli, "--version"], capture_output=True, text=True, env=plain)
        print(f"AWS CLI: {(version.stdout or version.stderr).split()[0]} (long-lived CLI processes; {PER_CALL_TOPOLOGY}'s drift: a process per call); "
              f"moto_server pid {server.pid} at {endpoint}")
        print(f"{'topology':34} {'import':7} {'resources':10} {'nestings':9} {'connections':11} drift  changed")
        for path in topologies:
            name = os.path.basename(path)[:-5]
            documented = yaml.safe_load(open(path, encoding="utf-8"))
            region = documented.get("region", "us-east-1")
            urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset", method="POST")).read()
            seed = subprocess.run([sys.executable, os.path.join(HERE, "seed_account.py"), endpoint, os.path.abspath(path)], capture_output=True, text=True, env=env, cwd=HERE)
            if seed.returncode != 0:
                failures.append(f"{name}: seeding failed: {seed.stderr.strip()[-800:]}")
                continue
            seeded = json.loads(seed.stdout)
            account = ["--endpoint-url", endpoint, "--region", region]
            out = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"aws-import-{os.getpid()}-{name}.yaml")
            started = time.monotonic()
            result = subprocess.run([topograph, "import", "aws", *account, "--ids-from", path, "-o", out, "--force"], capture_output=True, text=True, env=env)
            seconds = time.monotonic() - started
            for line in result.stderr.splitlines():
                if "the endpoint does not have this operation" in line:
                    lacking.add(line.split(": the endpoint")[0].split("warning: ")[-1])
            if result.returncode != 0:
                failures.append(f"{name}: import aws exited {result.returncode}: {result.stderr.strip()[-800:]}")
                continue
            imported = yaml.safe_load(open(out, encoding="utf-8"))
            os.unlink(out)
            (rf, rt), (nf, nt), (cf, ct), lost, unproven, gap_notes = figures(documented, imported)
            per_call = ["--process-per-call"] if name == PER_CALL_TOPOLOGY else []
            drift = subprocess.run([topograph, "drift", path, "--against", "aws", *account, *per_call, "--format", "json"], capture_output=True, text=True, env=env)
            line = f"{name:34} {seconds:5.1f} s {rf}/{rt:<8} {nf}/{nt:<7} {cf}/{ct:<9} exit {drift.returncode}"
            if rf < 0.95 * rt:
                failures.append(f"{name}: resources {rf}/{rt} < 95% (not recovered: {', '.join(lost)})")
            if nf < 0.95 * nt:
                failures.append(f"{name}: nestings {nf}/{nt} < 95%")
            if cf < 0.9 * ct:
                failures.append(f"{name}: connections {cf}/{ct} < 90% (not recovered: {', '.join(unproven)})")
            if drift.returncode != 0:
                failures.append(f"{name}: drift --against aws exited {drift.returncode}, not 0: {drift.stdout.strip()[-1500:]} {drift.stderr.strip()[-500:]}")
            expected = mutate(endpoint, region, documented, seeded)
            changed = subprocess.run([topograph, "drift", path, "--against", "aws", *account, "--format", "json"], capture_output=True, text=True, env=env)
            named = []
            if expected:
                if changed.returncode != 1:
                    failures.append(f"{name}: drift after {len(expected)} changes exited {changed.returncode}, not 1: {changed.stderr.strip()[-500:]}")
                else:
                    findings = json.loads(changed.stdout).get("findings", [])
                    for code, subject, what in expected:
                        if any(f.get("code") == code and f.get("subject") == subject for f in findings):
                            named.append(subject)
                        else:
                            failures.append(f"{name}: drift does not name '{what}' ({code} {subject}); findings: {[(f.get('code'), f.get('subject')) for f in findings]}")
            print(f"{line}  exit {changed.returncode}: {', '.join(named) or 'nothing to change'}")
            if lost or unproven:
                print(f"  not recovered: {', '.join(lost + unproven)}")
            for note in gap_notes:
                print(f"  not counted, moto: {note}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    print(f"moto_server pid {server.pid}: stopped")
    if lacking:
        print("moto lacks (read as empty, listed by name): " + ", ".join(sorted(lacking)))
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
