#!/usr/bin/env bash
# The runbooks run end to end against moto_server (PyPI moto[server], 127.0.0.1, started and
# stopped by PID in scripts/runbook-checks/moto_run.py): per topology of the corpus and the
# example, moto is seeded with what the topology declares but the runbooks find
# (seed_moto.py), then the first stage's runbook, each migration and the next stage's runbook
# run in order as one bash session each (a topology without stages: its runbook once, the richest ones twice).
# Every aws command must exit 0 except those moto cannot emulate, listed with the reason;
# nothing the runbooks create may exist twice afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir
.venv/bin/python -c 'import moto, boto3' 2>/dev/null || { echo "moto[server] missing (scripts/setup.sh installs it)"; exit 1; }
pairs=()
for file in Tests/Corpus/*.yaml Docs/examples/*.yaml; do
    name=$(basename "$file" .yaml)
    "$bin" runbook "$file" --all-stages -o "$work/$name/" >/dev/null 2>&1
    # The richest single-stage files run twice: the second run must create nothing.
    case "$name" in rest-nlb-alb-cognito-waf|serverless-api|fargate-endpoints-no-nat) pairs+=("$file=$work/$name=twice") ;; *) pairs+=("$file=$work/$name") ;; esac
done
.venv/bin/python scripts/runbook-checks/moto_run.py "${pairs[@]}"
