#!/usr/bin/env bash
# `topograph serve` end to end with real clients (scripts/serve-check.py): copies of the
# example and a corpus topology served on free ports; loopback only (from the kernel's
# socket table), the index and both pages clean in headless Chromium, 404 for every path
# outside the served set (traversal included), a save reloads the open page, a broken save
# shows file:line:column in the page until the next good save, a clash on the port exits 2,
# SIGTERM/SIGINT with a page open exit 0 and free the port.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
"$PY" scripts/serve-check.py "$PWD/$bin" Docs/examples/session-store.yaml Tests/Corpus/monolith-to-services.yaml
