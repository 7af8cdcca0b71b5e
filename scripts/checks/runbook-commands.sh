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
"$PY" scripts/check-aws-commands.py --self-test
"$PY" scripts/check-aws-commands.py "$work"/*/*.md
"$PY" scripts/checks/runbook-commands.py "$work"/*/*.md
