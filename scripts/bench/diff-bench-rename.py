#!/usr/bin/env python3
"""Writes NEW from OLD with 1% of the services renamed and edited (references follow), for
the diff benchmark's rename case. Usage: diff-bench-rename.py OLD NEW"""
import re, sys
lines = open(sys.argv[1]).read().split("\n")
services = [i for i, line in enumerate(lines) if re.match(r"  svc-\d+-\d+: ", line)]
renamed = {}
for i in services[::100]:
    old = re.match(r"  (svc-\d+-\d+):", lines[i]).group(1)
    renamed[old] = "moved-" + old
    lines[i] = lines[i].replace(old + ":", renamed[old] + ":", 1).replace("desired: 2", "desired: 3")
pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, renamed)) + r")(?![\w-])")
start = next(i for i, line in enumerate(lines) if line.startswith("connections:"))
lines[start:] = [pattern.sub(lambda m: renamed[m.group(1)], line) for line in lines[start:]]
open(sys.argv[2], "w").write("\n".join(lines))
print(f"renamed {len(renamed)} of {len(services)} services", file=sys.stderr)
