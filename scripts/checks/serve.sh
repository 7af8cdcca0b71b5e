#!/usr/bin/env bash
# `topograph serve` end to end: a copy of the example is served on a free port and driven
# in headless Chromium by scripts/serve-check.py (loopback only, reload on save keeping
# the view, positioned errors over the last good drawing, recovery, 404).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
"$PY" scripts/serve-check.py "$PWD/$bin" Docs/examples/session-store.yaml
