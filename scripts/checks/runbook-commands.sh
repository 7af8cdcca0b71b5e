#!/usr/bin/env bash
# Every runbook of every example (all stages and migrations): each `aws` command matches the
# AWS CLI's command tables (botocore's models + CLI customizations), and each ```json block
# parses. The checker's self-test proves it catches wrong options, flags with values, bad
# enums, missing required parameters and unknown waiters.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir
for example in Docs/examples/*.yaml Tests/Corpus/*.yaml; do
    "$bin" runbook "$example" --all-stages -o "$work/$(basename "$example" .yaml)/" 2>/dev/null
done
.venv/bin/python scripts/check-aws-commands.py --self-test
.venv/bin/python scripts/check-aws-commands.py "$work"/*/*.md
python3 - "$work"/*/*.md <<'PY'
import json, re, sys
blocks = failures = 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for match in re.finditer(r"```json\n(.*?)\n```", text, re.S):
        blocks += 1
        try:
            json.loads(match.group(1))
        except json.JSONDecodeError as error:
            failures += 1
            line = text[: match.start()].count("\n") + 2
            print(f"FAIL {path}:{line}: JSON block does not parse: {error}")
print(f"json-blocks: {blocks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
PY
