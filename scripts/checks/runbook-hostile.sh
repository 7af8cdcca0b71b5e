#!/usr/bin/env bash
# Hostile values (quotes, $(), backticks, ;, |, &&, newlines) in every attribute that reaches a
# runbook command: validate refuses each, or the runbooks' blocks, run by bash with stub
# aws/docker/redis-cli/curl/vegeta/psql/mysql, execute nothing injected. The self-test first
# shows the check catches a template that puts a raw value into a command.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
.venv/bin/python scripts/runbook-checks/hostile.py "$bin" --self-test > /dev/null || { echo "FAIL: the hostile-value check missed a raw value in a command"; exit 1; }
echo "self-test: a template with a raw value in a command is caught"
.venv/bin/python scripts/runbook-checks/hostile.py "$bin"
