#!/usr/bin/env bash
# Benchmark: Topograph's end-to-end SVG (parse, validate, build the diagram, lay out and
# render in-process through cgraph/gvc) next to `dot -Tsvg` on the same graph (the DOT that
# `topograph render --format dot` writes), both as whole processes, in the same run.
#   scripts/bench/graphviz-bench.sh [SERVICES...]     default: 10 100 1000
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup.sh --build
swift build -c release --product topograph >&2
bin="$PWD/.build/release/topograph"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("${@:-10 100 1000}")

median() { # the median wall time of 7 runs, in seconds
    local times=()
    for _ in 1 2 3 4 5 6 7; do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 4p
}
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

echo "| services | nodes | edges | topograph SVG | dot -Tsvg | ratio | topograph peak | dot peak |"
echo "|---|---|---|---|---|---|---|---|"
for n in ${sizes[*]}; do
    yaml="$work/services-$n.yaml"
    python3 scripts/bench/gen-topology.py --services "$n" > "$yaml"
    "$bin" render "$yaml" --format dot -o "$work/services-$n.dot" --force 2>/dev/null
    nodes=$(grep -c '^ *"r_[^"]*" \[' "$work/services-$n.dot")
    edges=$(grep -c ' -> ' "$work/services-$n.dot")
    ours=$(median "$bin" render "$yaml" --format svg -o "$work/out-$n.svg" --force)
    theirs=$(median dot -Tsvg "$work/services-$n.dot" -o "$work/dot-$n.svg")
    ours_mem=$(peak "$bin" render "$yaml" --format svg -o "$work/out-$n.svg" --force)
    dot_mem=$(peak dot -Tsvg "$work/services-$n.dot" -o "$work/dot-$n.svg")
    printf '| %s | %s | %s | %.3f s | %.3f s | %.2fx | %s MB | %s MB |\n' "$n" "$nodes" "$edges" "$ours" "$theirs" \
        "$(echo "$ours / $theirs" | bc -l)" "$((ours_mem / 1024))" "$((dot_mem / 1024))"
done
