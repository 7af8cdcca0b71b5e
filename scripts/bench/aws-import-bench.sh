#!/usr/bin/env bash
# Benchmark: `topograph import aws` (release build, AWS CLI v1 from .venv, and v2 when
# installed) of a moto account seeded with about 100 resources (gen-account.py), next to a
# peer measured in the same run: the same list and describe calls made with boto3 in one
# Python process (no CLI process per call). Goal: under 20 s on 2 cores. Prints a Markdown table
# and the CLI calls per service. TOPOGRAPH_BEFORE=BINARY times an earlier build too, in the same
# run against the same account, so before/after share the machine's load.
#   scripts/bench/aws-import-bench.sh [RESOURCES]      default: 100
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph_release
scratch_dir
"$PY" scripts/bench/gen-account.py "${1:-100}" > "$work/account.yaml"
clis=("$PWD/.venv/bin/aws")
[ -x /usr/bin/aws ] && /usr/bin/aws --version 2>&1 | grep -q '^aws-cli/2' && clis+=(/usr/bin/aws)
"$PY" scripts/bench/aws-import-bench.py "$bin" "$work/account.yaml" "${clis[@]}"
