#!/usr/bin/env bash
# Every SVG topograph draws (all example stages, the hostile-label fixture, a 100-service
# topology) must parse with a real XML parser (Python's expat), reference no local file and
# contain no script or active link other than http(s).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir
for example in Docs/examples/*.yaml; do
    "$bin" render "$example" --all-stages --format svg -o "$work/" 2>/dev/null
done
"$bin" render Tests/Fixtures/render/hostile-labels.yaml --format svg -o "$work/hostile.svg" 2>/dev/null
"$PY" scripts/bench/gen-topology.py --services 100 > "$work/services.yaml"
"$bin" render "$work/services.yaml" --format svg -o "$work/services.svg" 2>/dev/null
"$PY" scripts/checks/svg-wellformed.py "$work"/*.svg
