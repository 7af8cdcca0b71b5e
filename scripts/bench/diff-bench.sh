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
"$PY" scripts/bench/gen-topology.py "$n" > "$work/old.yaml"
"$PY" scripts/bench/diff-bench.py "$work/old.yaml" "$work/new.yaml"
changes=$("$bin" diff "$work/old.yaml" "$work/new.yaml" --format text | sed -n 2p)
ours=$(median 5 "$bin" diff "$work/old.yaml" "$work/new.yaml" --format json)
theirs=$(median 5 diff -u "$work/old.yaml" "$work/new.yaml")
echo "| resources | changes found | topograph diff (JSON) | diff -u (text) | ratio |"
echo "|---|---|---|---|---|"
printf '| %s | %s | %.3f s | %.3f s | %.1fx |\n' "$n" "$changes" "$ours" "$theirs" "$(echo "$ours / $theirs" | bc -l)"
