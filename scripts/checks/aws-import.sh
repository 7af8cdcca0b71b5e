#!/usr/bin/env bash
# `import aws` and `drift --against aws` against moto_server (127.0.0.1, a free port, started
# and stopped by PID in scripts/aws-import-checks/aws_roundtrip.py): per corpus topology the
# account is seeded with boto3 (seed_account.py, not through Topograph), imported with
# --ids-from the topology (>= 95% of resources and nestings, >= 90% of connections between
# account resources), drift exits 0; then a listener is deleted, a desired count changed, an
# ingress rule removed and a service added, and drift exits 1 naming each. Runs with AWS CLI
# v1 (PyPI awscli, .venv) as Topograph runs it by default (a few long-lived CLI processes serve
# the calls); one drift runs with --process-per-call.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
.venv/bin/python -c 'import moto, boto3' 2>/dev/null || { echo "moto[server] missing (scripts/setup.sh installs it)"; exit 1; }
topologies=(alb-fargate-rds redis-multi-az-sessions fargate-endpoints-no-nat serverless-api bastion-rds services-serverless-orders services-asg-classic-elb)
# Not run: http-api-cloud-map and service-connect-microservices need what moto's ecs
# DescribeServices does not return (serviceRegistries, serviceConnectConfiguration), so
# `discovery` and `service_connect` would drift against moto, not against AWS.
echo "not run against moto: http-api-cloud-map, service-connect-microservices (moto's ecs DescribeServices returns no serviceRegistries or serviceConnectConfiguration)"
files=()
for name in "${topologies[@]}"; do files+=("Tests/Corpus/$name.yaml"); done
status=0
"$PY" -u scripts/aws-import-checks/aws_roundtrip.py "$bin" "$PWD/.venv/bin/aws" "${files[@]}" || status=1
# AWS CLI v2 (Debian's 2.9.19): `aws-import-checks/aws_roundtrip.py .build/debug/topograph /usr/bin/aws ...`
# imports and drifts, but against moto it reads a second VPC that v1 does not see, so the
# nesting and drift figures differ; it is not part of this check until that is understood.
exit $status
