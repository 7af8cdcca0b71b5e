#!/usr/bin/env bash
# Benchmark: `topograph diff` of two 10,000-resource topologies that differ in 1% of their
# services (attribute changes), and of two where 1% of the services are renamed with an
# edit each (connections follow: the similarity search runs), next to `diff -u` (a textual
# diff, no parsing) on the same files, in the same run.
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
python3 - "$work/old.yaml" "$work/renamed.yaml" <<'PY'
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
PY
echo "| resources | case | changes found | topograph diff (JSON) | diff -u (text) | ratio |"
echo "|---|---|---|---|---|---|"
for case in new renamed; do
    changes=$("$bin" diff "$work/old.yaml" "$work/$case.yaml" --format text | sed -n 2p)
    ours=$(median 5 "$bin" diff "$work/old.yaml" "$work/$case.yaml" --format json)
    theirs=$(median 5 diff -u "$work/old.yaml" "$work/$case.yaml")
    label=$([ "$case" = new ] && echo "1% edited" || echo "1% renamed + edited")
    printf '| %s | %s | %s | %.3f s | %.3f s | %.1fx |\n' "$n" "$label" "$changes" "$ours" "$theirs" "$(echo "$ours / $theirs" | bc -l)"
done
