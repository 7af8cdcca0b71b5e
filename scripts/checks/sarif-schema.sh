#!/usr/bin/env bash
# `topograph lint --format sarif` output, for a clean example and for a file full of
# findings, must validate against the SARIF 2.1.0 JSON schema (Python's jsonschema).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir
"$bin" lint Docs/examples/*.yaml --format sarif > "$work/clean.sarif"
status=0
"$bin" lint Tests/TopographCoreTests/Fixtures/lint/findings.yaml --format sarif > "$work/findings.sarif" || status=$?
[ "$status" -eq 1 ] || { echo "lint on findings.yaml exited $status, expected 1"; exit 1; }
.venv/bin/python - "$work/clean.sarif" "$work/findings.sarif" <<'PY'
import json, sys
import jsonschema
schema = json.load(open("Tests/Schemas/sarif-2.1.0.json"))
validator = jsonschema.validators.validator_for(schema)(schema)
failed = 0
for path in sys.argv[1:]:
    log = json.load(open(path))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for error in errors[:10]:
        print(f"FAIL {path}: {'/'.join(map(str, error.path))}: {error.message}")
    failed += bool(errors)
    print(f"{'ok  ' if not errors else 'FAIL'} {path}: {len(log['runs'][0]['results'])} results")
if json.load(open(sys.argv[2]))["runs"][0]["results"] == []:
    print("FAIL: findings.yaml produced no results"); failed += 1
print(f"sarif-schema: {len(sys.argv) - 1 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
