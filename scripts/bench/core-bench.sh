#!/usr/bin/env bash
# Benchmark: `topograph validate` and `topograph render` (Mermaid) on generated topologies
# of 1,000 and 10,000 resources, next to a peer measured in the same run: PyYAML's C
# loader merely parsing the same file (no validation, no output). Prints a Markdown table.
# TOPOGRAPH_BEFORE=BINARY times an earlier build's `render` too, then this build's again
# (same files, close in time), for a before/after ratio.
#   scripts/bench/core-bench.sh [SIZES...]      default: 1000 10000
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph_release
scratch_dir
sizes=("${@:-1000 10000}")
peer='import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)'

before=${TOPOGRAPH_BEFORE:-}
echo "| resources | connections | file | validate | render mermaid | PyYAML parse (peer) | validate / peer | render / peer | peak memory (render) |${before:+ render, previous build | this / previous |}"
echo "|---|---|---|---|---|---|---|---|---|${before:+---|---|}"
for n in ${sizes[*]}; do
    file="$work/topology-$n.yaml"
    "$PY" scripts/bench/gen-topology.py "$n" > "$file"
    connections=$(grep -c -- '^  - ' "$file")
    size=$(du -k "$file" | cut -f1)
    v=$(median 7 "$bin" validate "$file")
    r=$(median 7 "$bin" render "$file" --view auto)
    p=$(median 7 "$PY" -c "$peer" "$file")
    mem=$(peak "$bin" render "$file")
    extra=""
    if [ -n "$before" ]; then
        b=$(median 7 "$before" render "$file" --view auto)
        r=$(median 7 "$bin" render "$file" --view auto)
        extra=$(printf ' %.3f s | %.2fx |' "$b" "$(echo "$r / $b" | bc -l)")
    fi
    printf '| %s | %s | %s KB | %.3f s | %.3f s | %.3f s | %.2fx | %.2fx | %s MB |%s\n' \
        "$n" "$connections" "$size" "$v" "$r" "$p" "$(echo "$v / $p" | bc -l)" "$(echo "$r / $p" | bc -l)" "$((mem / 1024))" "$extra"
done
