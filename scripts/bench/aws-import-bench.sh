#!/usr/bin/env bash
# Benchmark: `topograph import aws` (release build, AWS CLI v1 from .venv, and v2 when
# installed) of a moto account seeded with about 100 resources (gen-account.py), next to a
# peer measured in the same run: the same list and describe calls made with boto3 in one
# Python process (no CLI process per call). Goal: under 20 s on 2 cores. Rows: this build as it
# runs by default (a few long-lived CLI processes serve every call), the same build with
# --process-per-call, and TOPOGRAPH_BEFORE=BINARY (an earlier build), all in the same run against
# the same account, so they share the machine's load. Wall time and CPU time of the process tree.
# Prints a Markdown table and the CLI calls per service.
#   scripts/bench/aws-import-bench.sh [RESOURCES]      default: 100
# TOPOGRAPH_BIN=BINARY skips the release build (e.g. a debug build: the time is the CLI's);
# BENCH_RUNS=N runs each row N times (default 3).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
if [ -n "${TOPOGRAPH_BIN:-}" ]; then bin="$TOPOGRAPH_BIN"; else build_topograph_release; fi
scratch_dir
"$PY" scripts/bench/gen-account.py "${1:-100}" > "$work/account.yaml"
clis=("$PWD/.venv/bin/aws")
[ -x /usr/bin/aws ] && /usr/bin/aws --version 2>&1 | grep -q '^aws-cli/2' && clis+=(/usr/bin/aws)
"$PY" scripts/bench/aws-import-bench.py "$bin" "$work/account.yaml" "${clis[@]}"
