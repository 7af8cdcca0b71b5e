#!/usr/bin/env bash
# Benchmark: Topograph's end-to-end SVG (parse, validate, build the diagram, lay out and
# render in-process through cgraph/gvc) next to `dot -Tsvg` on the same graph (the DOT that
# `topograph render --format dot` writes), both as whole processes, in the same run.
#   scripts/bench/graphviz-bench.sh [SERVICES...]     default: 10 100 1000
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph_release
scratch_dir
sizes=("${@:-10 100 1000}")


echo "| services | nodes | edges | topograph SVG | dot -Tsvg | ratio | topograph peak | dot peak |"
echo "|---|---|---|---|---|---|---|---|"
for n in ${sizes[*]}; do
    yaml="$work/services-$n.yaml"
    "$PY" scripts/bench/gen-topology.py --services "$n" > "$yaml"
    "$bin" render "$yaml" --format dot -o "$work/services-$n.dot" --force 2>/dev/null
    nodes=$(grep -c '^ *"r_[^"]*" \[' "$work/services-$n.dot")
    edges=$(grep -c ' -> ' "$work/services-$n.dot")
    ours=$(median 7 "$bin" render "$yaml" --format svg -o "$work/out-$n.svg" --force)
    theirs=$(median 7 dot -Tsvg "$work/services-$n.dot" -o "$work/dot-$n.svg")
    ours_mem=$(peak "$bin" render "$yaml" --format svg -o "$work/out-$n.svg" --force)
    dot_mem=$(peak dot -Tsvg "$work/services-$n.dot" -o "$work/dot-$n.svg")
    printf '| %s | %s | %s | %.3f s | %.3f s | %.2fx | %s MB | %s MB |\n' "$n" "$nodes" "$edges" "$ours" "$theirs" \
        "$(echo "$ours / $theirs" | bc -l)" "$((ours_mem / 1024))" "$((dot_mem / 1024))"
done
