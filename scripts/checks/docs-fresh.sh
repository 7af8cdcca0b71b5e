#!/usr/bin/env bash
# The committed rendered example (Docs/examples/generated) must match what topograph
# generates now: the same check a user's docs CI runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
.build/debug/topograph check Docs/examples -o Docs/examples/generated
