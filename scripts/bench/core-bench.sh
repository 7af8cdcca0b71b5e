#!/usr/bin/env bash
# Benchmark: `topograph validate` and `topograph render` (Mermaid) on generated topologies
# of 1,000 and 10,000 resources, next to a peer measured in the same run: PyYAML's C
# loader merely parsing the same file (no validation, no output). Prints a Markdown table.
#   scripts/bench/core-bench.sh [SIZES...]      default: 1000 10000
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup.sh --build
command -v hyperfine >/dev/null || { apt-get install -y -qq hyperfine >/dev/null 2>&1 || true; }
swift build -c release --product topograph >&2
bin="$PWD/.build/release/topograph"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("${@:-1000 10000}")
peer='import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)'

median() { # runs the command 7 times, prints the median wall seconds
    local times=()
    for _ in 1 2 3 4 5 6 7; do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 4p
}
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

echo "| resources | connections | file | validate | render mermaid | PyYAML parse (peer) | validate / peer | render / peer | peak memory (render) |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in ${sizes[*]}; do
    file="$work/topology-$n.yaml"
    python3 scripts/bench/gen-topology.py "$n" > "$file"
    connections=$(grep -c -- '^  - ' "$file")
    size=$(du -k "$file" | cut -f1)
    v=$(median "$bin" validate "$file")
    r=$(median "$bin" render "$file" --view auto)
    p=$(median python3 -c "$peer" "$file")
    mem=$(peak "$bin" render "$file")
    printf '| %s | %s | %s KB | %.3f s | %.3f s | %.3f s | %.2fx | %.2fx | %s MB |\n' \
        "$n" "$connections" "$size" "$v" "$r" "$p" "$(echo "$v / $p" | bc -l)" "$(echo "$r / $p" | bc -l)" "$((mem / 1024))"
done
