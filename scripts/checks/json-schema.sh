#!/usr/bin/env bash
# `topograph schema` (committed as Docs/topograph.schema.json) is a valid draft 2020-12
# schema; every valid topology in the repository passes it, and every file under
# Tests/TopographCoreTests/Fixtures/schema-invalid (mistakes an editor should flag) fails it.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/debug/topograph schema > "$work/schema.json"
cmp -s "$work/schema.json" Docs/topograph.schema.json || { echo "Docs/topograph.schema.json is stale: run topograph schema > Docs/topograph.schema.json"; exit 1; }
valid=(Docs/examples/*.yaml Tests/DiffPairs/*/*.yaml Tests/TopographCoreTests/Fixtures/render/*.yaml Tests/TopographCoreTests/Fixtures/lint/*.yaml)
"$PY" scripts/checks/json-schema.py "$work/schema.json" "${valid[@]}" -- Tests/TopographCoreTests/Fixtures/schema-invalid/*.yaml
