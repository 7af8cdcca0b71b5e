#!/usr/bin/env bash
# Benchmark: `topograph generate` over 50 topologies of about 100 resources each (every
# output: Mermaid, SVG, runbooks, index pages, lint), next to what the SVGs alone cost
# with the usual peer pipeline in the same run: one `dot -Tsvg` process per diagram.
#   scripts/bench/generate-bench.sh [COUNT] [RESOURCES]      default: 50 100
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph_release
count="${1:-50}"
size="${2:-100}"
scratch_dir
mkdir -p "$work/arch" "$work/dot"
for i in $(seq 1 "$count"); do
    "$PY" scripts/bench/gen-topology.py "$size" | sed "s/^name: synthetic-$size/name: synthetic-$i/" > "$work/arch/t$i.yaml"
    "$bin" render "$work/arch/t$i.yaml" --format dot -o "$work/dot/t$i.dot" 2>/dev/null
done
ours=$(median 3 bash -c "rm -rf '$work/out'; '$bin' generate '$work/arch' -o '$work/out' --quiet")
files=$("$bin" generate "$work/arch" -o "$work/out2" --quiet >/dev/null 2>&1; find "$work/out2" -type f | wc -l)
theirs=$(median 3 bash -c "for f in $work/dot/*.dot; do dot -Tsvg \"\$f\" -o \"\$f.svg\"; done")
echo "| topologies | resources each | files written | topograph generate (all outputs, $(nproc) cores) | dot -Tsvg per diagram (SVG only) | ratio |"
echo "|---|---|---|---|---|---|"
printf '| %s | %s | %s | %.2f s | %.2f s | %.2fx |\n' "$count" "$size" "$files" "$ours" "$theirs" "$(echo "$ours / $theirs" | bc -l)"
