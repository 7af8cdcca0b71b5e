#!/usr/bin/env bash
# `topograph lint --format sarif` output must validate against the SARIF 2.1.0 JSON schema
# (Python's jsonschema, schema copied into Tests/Schemas so CI needs nothing else), for the
# clean examples and for a fixture full of findings read through an absolute path with a
# space. Beyond the schema, every result must name a rule of the driver by index, carry a
# URI that resolves back to the linted file, and a region (code-point columns) that points
# at text in it.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir
"$bin" lint Docs/examples/*.yaml --format sarif > "$work/clean.sarif"
cp Tests/Fixtures/lint/findings.yaml "$work/my findings.yaml"
status=0
"$bin" lint "$work/my findings.yaml" --format sarif > "$work/findings.sarif" || status=$?
[ "$status" -eq 1 ] || { echo "lint on findings.yaml exited $status, expected 1"; exit 1; }
"$PY" scripts/checks/sarif-schema.py "$work/clean.sarif" "$work/findings.sarif"
