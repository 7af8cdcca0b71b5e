#!/usr/bin/env bash
# `import aws` and `drift --against aws` against moto_server (127.0.0.1, a free port, started
# and stopped by PID in scripts/aws-import-checks/aws_roundtrip.py): per corpus topology the
# account is seeded with boto3 (seed_account.py, not through Topograph), imported with
# --ids-from the topology (>= 95% of resources and nestings, >= 90% of connections between
# account resources), drift exits 0; then a listener is deleted, a desired count changed, an
# ingress rule removed and a service added, and drift exits 1 naming each. Runs with AWS CLI
# v1 (PyPI awscli, .venv) on every topology below and v2 (Debian's awscli) on one.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
.venv/bin/python -c 'import moto, boto3' 2>/dev/null || { echo "moto[server] missing (scripts/setup.sh installs it)"; exit 1; }
topologies=(alb-fargate-rds redis-multi-az-sessions fargate-endpoints-no-nat serverless-api bastion-rds)
# Not run: http-api-cloud-map and service-connect-microservices need what moto's ecs
# DescribeServices does not return (serviceRegistries, serviceConnectConfiguration), so
# `discovery` and `service_connect` would drift against moto, not against AWS.
echo "not run against moto: http-api-cloud-map, service-connect-microservices (moto's ecs DescribeServices returns no serviceRegistries or serviceConnectConfiguration)"
files=()
for name in "${topologies[@]}"; do files+=("Tests/Corpus/$name.yaml"); done
status=0
"$PY" -u scripts/aws-import-checks/aws_roundtrip.py "$bin" "$PWD/.venv/bin/aws" "${files[@]}" || status=1
v2=""
for candidate in /usr/bin/aws /usr/local/bin/aws; do
    if [ -x "$candidate" ] && "$candidate" --version 2>&1 | grep -q '^aws-cli/2'; then v2=$candidate; break; fi
done
if [ -n "$v2" ]; then
    "$PY" -u scripts/aws-import-checks/aws_roundtrip.py "$bin" "$v2" Tests/Corpus/alb-fargate-rds.yaml || status=1
else
    echo "AWS CLI v2 not installed (scripts/setup.sh installs Debian's awscli); v2 not checked"
    status=1
fi
exit $status
