#!/usr/bin/env bash
# `topograph schema` (committed as Docs/topograph.schema.json) is a valid draft 2020-12
# schema; every valid topology in the repository passes it, and every file under
# Tests/TopographCoreTests/Fixtures/schema-invalid (mistakes an editor should flag) fails it.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product topograph >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/debug/topograph schema > "$work/schema.json"
cmp -s "$work/schema.json" Docs/topograph.schema.json || { echo "Docs/topograph.schema.json is stale: run topograph schema > Docs/topograph.schema.json"; exit 1; }
valid=(Docs/examples/*.yaml Tests/DiffPairs/*/*.yaml Tests/TopographCoreTests/Fixtures/render/*.yaml Tests/TopographCoreTests/Fixtures/lint/*.yaml)
.venv/bin/python - "$work/schema.json" "${valid[@]}" -- Tests/TopographCoreTests/Fixtures/schema-invalid/*.yaml <<'PY'
import json, sys
import jsonschema, yaml
args = sys.argv[1:]
schema = json.load(open(args[0]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
split = args.index("--")
valid, invalid = args[1:split], args[split + 1:]
passed = failed = 0
for path in valid:
    errors = list(validator.iter_errors(yaml.safe_load(open(path))))
    if errors:
        failed += 1
        print(f"FAIL {path}: a valid topology fails the schema: {errors[0].message[:200]} at {list(errors[0].path)}")
    else:
        passed += 1
for path in invalid:
    if list(validator.iter_errors(yaml.safe_load(open(path)))):
        passed += 1
    else:
        failed += 1
        print(f"FAIL {path}: an invalid topology passes the schema")
print(f"json-schema: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
