#!/usr/bin/env python3
"""A topology of about N resources for seeding moto (scripts/aws-import-checks/seed_account.py):
one VPC in two zones, two ALBs, one ECS cluster whose services scale and log, databases,
caches, endpoints, repositories, functions, tables and buckets. Used by aws-import-bench.sh.
    gen-account.py [N]     default 100; writes YAML to standard output"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
fixed = 37  # everything but the services and their scaling
services = max(2, (n - fixed) * 2 // 3)
scaling = max(0, n - fixed - services)
lines = ["topograph: 1", f"name: account-{n}", "region: us-east-1", "resources:",
         "  vpc: { kind: vpc, cidr: 10.0.0.0/16 }"]
for z in "ab":
    lines.append(f"  az-{z}: {{ kind: availability-zone, in: vpc, label: us-east-1{z} }}")
    for i, (access, base) in enumerate((("public", 0), ("private", 10), ("data", 20))):
        cidr = f"10.0.{base + (0 if z == 'a' else 1)}.0/24"
        lines.append(f"  {access}-{z}: {{ kind: subnet, in: az-{z}, access: {'public' if access == 'public' else 'private'}, az: us-east-1{z}, cidr: {cidr} }}")
    lines.append(f"  nat-{z}: {{ kind: nat-gateway, in: public-{z} }}")
lines.append("  igw: { kind: internet-gateway, in: vpc }")
for a in (1, 2):
    lines.append(f"  alb-{a}: {{ kind: alb, in: vpc, name: bench-alb-{a}, scheme: internet-facing, listeners: [80], subnets: [public-a, public-b] }}")
lines.append("  cluster: { kind: ecs-cluster, in: vpc, name: bench }")
for s in range(services):
    lines.append(f"  svc-{s}: {{ kind: ecs-service, in: cluster, name: svc-{s}, launch: fargate, desired: 2, "
                 f"containers: [{{ name: app, image: nginx, port: {8000 + s} }}], subnets: [private-a, private-b] }}")
for s in range(scaling):
    lines.append(f"  svc-{s}-scaling: {{ kind: autoscaling, target: svc-{s}, metric: CPUUtilization, min: 2, max: 6 }}")
for d in range(2):
    lines.append(f"  db-{d}: {{ kind: rds, in: data-a, name: bench-db-{d}, engine: postgres, subnets: [data-a, data-b] }}")
lines.append("  cache: { kind: elasticache-redis, in: data-a, name: bench-cache, tls: true, subnets: [data-a, data-b] }")
for e in ("ecr.api", "ecr.dkr", "logs"):
    lines.append(f"  ep-{e.replace('.', '-')}: {{ kind: vpc-endpoint, in: vpc, service: {e}, endpoint_type: interface, private_dns: true, subnets: [private-a, private-b] }}")
lines.append("  ep-s3: { kind: vpc-endpoint, in: vpc, service: s3, endpoint_type: gateway }")
for r in range(6):
    lines.append(f"  repo-{r}: {{ kind: ecr, name: bench-repo-{r} }}")
for f in range(4):
    lines.append(f"  fn-{f}: {{ kind: lambda, name: bench-fn-{f}, runtime: python3.12 }}")
for t in range(3):
    lines.append(f"  table-{t}: {{ kind: dynamodb, name: bench-table-{t} }}")
    lines.append(f"  bucket-{t}: {{ kind: s3, name: bench-bucket-{t} }}")
lines.append("  logs: { kind: cloudwatch, name: /bench/logs }")
lines.append("connections:")
for s in range(services):
    lines.append(f"  - alb-{1 + s % 2} -> svc-{s}: HTTP")
    lines.append(f"  - svc-{s} -> logs: logs")
    if s % 4 == 0:
        lines.append(f"  - svc-{s} -> db-{s % 2}: SQL")
    if s % 5 == 0:
        lines.append(f"  - svc-{s} -> cache: sessions")
lines.append("  - users -> alb-1: HTTP")
lines.insert(4, "  users: { kind: user }")
print("\n".join(lines))
