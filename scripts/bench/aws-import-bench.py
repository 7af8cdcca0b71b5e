#!/usr/bin/env python3
"""Times `topograph import aws` against a seeded moto_server (started and stopped by PID);
see aws-import-bench.sh.   aws-import-bench.py TOPOGRAPH ACCOUNT.yaml CLI..."""
import collections
import os
import re
import resource
import shutil
import statistics
import tempfile
import subprocess
import sys
import time
import urllib.request

import boto3
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "runbook-checks"))
from moto_run import start_moto  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command, env):
    """Wall seconds, CPU seconds of the whole process tree (topograph and every CLI process
    it waited for: less sensitive to the machine's load than wall time), the result."""
    cpu, start = children_cpu(), time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed: {result.stderr[-800:]}")
    return time.monotonic() - start, children_cpu() - cpu, result


def peer(endpoint, region):
    """The same reading with boto3, in-process and sequential: what the calls cost without a
    CLI process each."""
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=region)
    c = lambda n: session.client(n, endpoint_url=endpoint)
    ec2, elb, ecs = c("ec2"), c("elbv2"), c("ecs")
    for op in ("describe_vpcs", "describe_subnets", "describe_internet_gateways", "describe_nat_gateways", "describe_route_tables",
               "describe_vpc_endpoints", "describe_security_groups", "describe_instances"):
        getattr(ec2, op)()
    for lb in elb.describe_load_balancers()["LoadBalancers"]:
        for listener in elb.describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"]:
            elb.describe_rules(ListenerArn=listener["ListenerArn"])
    elb.describe_target_groups()
    for cluster in ecs.list_clusters()["clusterArns"]:
        arns = ecs.list_services(cluster=cluster)["serviceArns"]
        for i in range(0, len(arns), 10):
            for service in ecs.describe_services(cluster=cluster, services=arns[i:i + 10])["services"]:
                ecs.describe_task_definition(taskDefinition=service["taskDefinition"])
    c("application-autoscaling").describe_scalable_targets(ServiceNamespace="ecs")
    c("application-autoscaling").describe_scaling_policies(ServiceNamespace="ecs")
    c("rds").describe_db_instances(); c("rds").describe_db_clusters(); c("rds").describe_db_subnet_groups()
    c("elasticache").describe_replication_groups(); c("elasticache").describe_cache_clusters(); c("elasticache").describe_cache_subnet_groups()
    c("lambda").list_functions(); c("dynamodb").list_tables(); c("s3").list_buckets(); c("logs").describe_log_groups(); c("ecr").describe_repositories()


def main(topograph, account, clis):
    server, endpoint = start_moto()
    try:
        documented = yaml.safe_load(open(account, encoding="utf-8"))
        region = documented.get("region", "us-east-1")
        urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset", method="POST")).read()
        subprocess.run([sys.executable, os.path.join(HERE, "..", "aws-import-checks", "seed_account.py"), endpoint, os.path.abspath(account)],
                       check=True, capture_output=True, cwd=os.path.join(HERE, "..", "aws-import-checks"))
        env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_PAGER="")
        print(f"moto_server pid {server.pid}; {os.cpu_count()} cores")
        print("| AWS CLI | build | resources imported | CLI calls | CLI processes | import aws wall (median of %d) | CPU (median) | boto3 in-process (peer) | import / peer |" % RUNS)
        print("|---|---|---|---|---|---|---|---|---|")
        peer_times = []
        for _ in range(RUNS):
            start = time.monotonic()
            peer(endpoint, region)
            peer_times.append(time.monotonic() - start)
        # This build as it runs by default (a few CLI processes serve every call), the same
        # build with one CLI process per call, and an earlier build (TOPOGRAPH_BEFORE): all in
        # the same run against the same account, so they share the machine's load.
        builds = [("this build", topograph, []), ("this build, --process-per-call", topograph, ["--process-per-call"])]
        if os.environ.get("TOPOGRAPH_BEFORE"):
            builds.append(("before", os.environ["TOPOGRAPH_BEFORE"], []))
        per_service = {}
        work = tempfile.mkdtemp(prefix="aws-import-bench-")
        for cli in clis:
            version = subprocess.run([cli, "--version"], capture_output=True, text=True).stdout.split() or ["?"]
            # Processes per call are counted by a wrapper that logs `SERVICE OPERATION` and runs
            # the CLI (a shell exec: no measurable cost); a wrapper is not a Python script, so
            # the default (hosted) runs use the CLI itself and count what topograph reports.
            log = os.path.join(work, "calls.log")
            wrapper = os.path.join(work, "aws")
            with open(wrapper, "w", encoding="utf-8") as handle:
                handle.write(f'#!/bin/sh\necho "$1 $2" >> {log}\nexec {cli} "$@"\n')
            os.chmod(wrapper, 0o755)
            for label, binary, options in builds:
                hosted = not options and label == "this build"
                env["TOPOGRAPH_AWS_CLI"] = cli if hosted else wrapper
                times, cpus, result = [], [], None
                for _ in range(RUNS):
                    open(log, "w").close()
                    seconds, cpu, result = timed([binary, "import", "aws", "--endpoint-url", endpoint, "--region", region] + options, env)
                    times.append(seconds)
                    cpus.append(cpu)
                reported = re.search(r"import aws: (\d+) AWS CLI calls(?: in (\d+) CLI process)?", result.stderr)
                calls = int(reported.group(1)) if reported else 0
                if hosted:
                    processes = int(reported.group(2)) if reported and reported.group(2) else 0
                else:
                    logged = [line.strip() for line in open(log, encoding="utf-8")]
                    processes = len(logged)
                    per_service[(version[0], label)] = collections.Counter(call.split()[0] for call in logged)
                resources = sum(1 for line in result.stdout.splitlines() if line.startswith("  ") and not line.startswith("   "))
                median, peer_median = statistics.median(times), statistics.median(peer_times)
                print(f"| {version[0]} | {label} | {resources} | {calls} | {processes} | {median:.1f} s | {statistics.median(cpus):.1f} s | {peer_median:.1f} s | {median / peer_median:.1f}x |",
                      flush=True)
        shutil.rmtree(work, ignore_errors=True)
        services = sorted({service for counter in per_service.values() for service in counter}, key=lambda name: -max(c[name] for c in per_service.values()))
        print("\nCLI calls per service (one import):\n")
        print("| service | " + " | ".join(f"{v} ({label})" for v, label in per_service) + " |")
        print("|---|" + "---|" * len(per_service))
        for service in services:
            print(f"| {service} | " + " | ".join(str(counter[service]) for counter in per_service.values()) + " |")
    finally:
        server.terminate()
        server.wait(timeout=10)
        print(f"moto_server pid {server.pid}: stopped")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
