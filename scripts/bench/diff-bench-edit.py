#!/usr/bin/env python3
"""Writes NEW from OLD with about 1% of the services edited (desired count, health check,
launch type), for the diff benchmark. Usage: diff-bench-edit.py OLD NEW"""
import re, sys
lines = open(sys.argv[1]).read().split("\n")
services = [i for i, line in enumerate(lines) if re.match(r"  svc-\d+-\d+: ", line)]
touched = services[:: max(1, len(services) // max(1, len(services) // 100))][: len(services) // 100 + 1]
for k, i in enumerate(touched):
    if k % 3 == 0:
        lines[i] = lines[i].replace("desired: 2", "desired: 3")
    elif k % 3 == 1:
        lines[i] = lines[i].replace("health_check: /health", "health_check: /ready")
    else:
        lines[i] = lines[i].replace("launch: fargate", "launch: ec2")
open(sys.argv[2], "w").write("\n".join(lines))
print(f"changed {len(touched)} of {len(services)} services", file=sys.stderr)
