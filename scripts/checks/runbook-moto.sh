#!/usr/bin/env bash
# State, not syntax: every stage and migration runbook of every topology of the corpus and the
# example runs top to bottom in one bash session against moto_server (PyPI moto[server],
# 127.0.0.1, started and stopped by PID), and the account is read back with boto3 and held
# against the stage (scripts/runbook-checks/moto_run.py says how): declared resources present
# once with their attributes, connections allowed by security-group ingress, images pushed and
# named, re-runs changing nothing, migrations equal to a fresh stage, AWS rules moto does not
# enforce, no failed command but ECS Exec and Session Manager (listed by name).
# runbook-state-baseline.json holds the figures not yet at zero: a figure above it fails.
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
    pairs+=("$file=$work/$name")
done
.venv/bin/python scripts/runbook-checks/moto_run.py --topograph "$bin" --baseline scripts/runbook-checks/runbook-state-baseline.json "${pairs[@]}"
