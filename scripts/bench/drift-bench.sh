#!/usr/bin/env bash
# Benchmark: `topograph drift` of a template of N resources (a VPC, subnets, Lambda
# functions with their security groups) against the topology that documents it (1% of the
# functions renamed, so there are findings), at N/4, N/2 and N to show how it grows, next
# to `topograph import` of the same template in the same run (drift is an import plus
# pairing and a diff). BASELINE=/path/to/an/older/topograph adds that build's drift time
# (a peer in the same run: issue 28 measured 27 s at 5,000 and over 60 s at 10,000).
#   scripts/bench/drift-bench.sh [RESOURCES]      default: 10000
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph_release
scratch_dir
n="${1:-10000}"
baseline="${BASELINE:-}"
echo "| template resources | topograph drift | topograph import (same template) | drift / import |$([ -n "$baseline" ] && echo " baseline drift |")"
echo "|---|---|---|---|$([ -n "$baseline" ] && echo "---|")"
for size in $((n / 4)) $((n / 2)) "$n"; do
    "$PY" scripts/bench/gen-drift.py "$size" "$work/$size" >/dev/null
    drift=$(median 3 "$bin" drift "$work/$size/topology.yaml" --against "$work/$size/template.yaml")
    import=$(median 3 "$bin" import cloudformation "$work/$size/template.yaml" --quiet)
    row=$(printf '| %s | %.2f s | %.2f s | %.1fx |' "$size" "$drift" "$import" "$(echo "$drift / $import" | bc -l)")
    if [ -n "$baseline" ]; then
        old=$(median 1 timeout 120 "$baseline" drift "$work/$size/topology.yaml" --against "$work/$size/template.yaml")
        row="$row $(printf '%.2f s' "$old") |"
    fi
    echo "$row"
done
