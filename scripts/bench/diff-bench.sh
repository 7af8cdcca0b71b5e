#!/usr/bin/env bash
# Benchmark: `topograph diff` of two 10,000-resource topologies that differ in 1% of their
# resources (attribute changes, renames, removals and additions), next to `diff -u` (a
# textual diff, no parsing) on the same two files, in the same run.
#   scripts/bench/diff-bench.sh [RESOURCES]      default: 10000
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph_release
scratch_dir
n="${1:-10000}"
python3 scripts/bench/gen-topology.py "$n" > "$work/old.yaml"
python3 - "$work/old.yaml" "$work/new.yaml" <<'PY'
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
PY
changes=$("$bin" diff "$work/old.yaml" "$work/new.yaml" --format text | sed -n 2p)
ours=$(median 5 "$bin" diff "$work/old.yaml" "$work/new.yaml" --format json)
theirs=$(median 5 diff -u "$work/old.yaml" "$work/new.yaml")
echo "| resources | changes found | topograph diff (JSON) | diff -u (text) | ratio |"
echo "|---|---|---|---|---|"
printf '| %s | %s | %.3f s | %.3f s | %.1fx |\n' "$n" "$changes" "$ours" "$theirs" "$(echo "$ours / $theirs" | bc -l)"
