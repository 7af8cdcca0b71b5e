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
"$PY" scripts/bench/gen-topology.py "$n" > "$work/old.yaml"
"$PY" scripts/bench/diff-bench-edit.py "$work/old.yaml" "$work/new.yaml"
"$PY" scripts/bench/diff-bench-rename.py "$work/old.yaml" "$work/renamed.yaml"
echo "| resources | case | changes found | topograph diff (JSON) | diff -u (text) | ratio |"
echo "|---|---|---|---|---|---|"
for case in new renamed; do
    changes=$("$bin" diff "$work/old.yaml" "$work/$case.yaml" --format text | sed -n 2p)
    ours=$(median 5 "$bin" diff "$work/old.yaml" "$work/$case.yaml" --format json)
    theirs=$(median 5 diff -u "$work/old.yaml" "$work/$case.yaml")
    label=$([ "$case" = new ] && echo "1% edited" || echo "1% renamed + edited")
    printf '| %s | %s | %s | %.3f s | %.3f s | %.1fx |\n' "$n" "$label" "$changes" "$ours" "$theirs" "$(echo "$ours / $theirs" | bc -l)"
done
