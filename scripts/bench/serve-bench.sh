#!/usr/bin/env bash
# Benchmark: `topograph serve`, from saving a topology to the open page showing it: the
# re-render, the WebSocket message, the reload and the new page's start, as headless
# Chromium sees it (scripts/bench/serve-bench.py). Beside it, in the same run, the peer
# step it replaces: `topograph render --format html` as a fresh process.
#   scripts/bench/serve-bench.sh [RESOURCES] [SAVES]      default: 50 10
#   BIN=.build/debug/topograph scripts/bench/serve-bench.sh   (skip the release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
if [ -n "${BIN:-}" ]; then bin="$BIN"; else build_topograph_release; fi
size="${1:-50}"
saves="${2:-10}"
scratch_dir
"$PY" scripts/bench/gen-topology.py "$size" > "$work/arch.yaml"
render=$(median 3 "$bin" render "$work/arch.yaml" --format html -o "$work/once.html" --quiet)
"$PY" scripts/bench/serve-bench.py "$bin" "$work/arch.yaml" "$saves" > "$work/serve.txt"
echo "| resources | saves | save to reloaded page (median, p90) | render --format html as a process |"
echo "|---|---|---|---|"
printf '| %s | %s | %s | %.0f ms |\n' "$size" "$saves" "$(cat "$work/serve.txt")" "$(echo "$render * 1000" | bc -l)"
