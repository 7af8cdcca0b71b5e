#!/usr/bin/env bash
# Benchmark: `topograph serve`, from saving a topology to the open page showing it (the
# file watch, the re-render, the WebSocket message, the reload and the new page's load),
# as headless Chromium's own timeline sees it (scripts/bench/serve-bench.py), with the
# phases apart. Beside it, in the same run, the step serve replaces: `topograph render
# --format html` as a fresh process (no browser, no reload).
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
render=$(median 5 "$bin" render "$work/arch.yaml" --format html -o "$work/once.html" --quiet)
IFS=, read -r total p90 rerender to_navigation load < <("$PY" scripts/bench/serve-bench.py "$bin" "$work/arch.yaml" "$saves")
echo "| resources | saves | save to reloaded page: median | p90 | re-render in serve | save to reload start | page load | render --format html as a process |"
echo "|---|---|---|---|---|---|---|---|"
printf '| %s | %s | %s |%s |%s |%s |%s | %.0f ms |\n' "$size" "$saves" "$total" "$p90" "$rerender" "$to_navigation" "$load" "$(echo "$render * 1000" | bc -l)"
