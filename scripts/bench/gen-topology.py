#!/usr/bin/env python3
"""Writes a synthetic topology with about N resources, shaped like a real deployment:
a VPC with AZs and public/private subnets, ECS clusters of services, an ALB per 10
services, a Redis and an RDS per 10 services, connections between tiers.

    scripts/bench/gen-topology.py 10000 > /tmp/big.yaml
    scripts/bench/gen-topology.py --services 100 > /tmp/services.yaml   # the Graphviz benchmark's shape
    scripts/bench/gen-topology.py 100 --stages 3 > /tmp/staged.yaml     # V1, V2 adds, V3 changes and removes
"""
import sys

def services(n):
    """The peer benchmark's shape: VPC > 2 AZs > public + private subnets; one ALB and two
    NAT gateways in the public subnets; N ECS services round-robin over the private subnets;
    a Redis and an RDS per 10 services; edges ALB->svc, svc->redis, svc->rds, every 4th
    svc->svc."""
    out = ["topograph: 1", f"name: services-{n}", f"title: {n} ECS services", "region: us-east-1", "resources:",
           "  vpc: { kind: vpc, cidr: 10.0.0.0/16 }"]
    for z in ["a", "b"]:
        out.append(f"  az-{z}: {{ kind: availability-zone, in: vpc, label: us-east-1{z} }}")
        out.append(f"  public-{z}: {{ kind: subnet, in: az-{z}, access: public }}")
        out.append(f"  private-{z}: {{ kind: subnet, in: az-{z}, access: private }}")
        out.append(f"  nat-{z}: {{ kind: nat-gateway, in: public-{z} }}")
    out.append("  alb: { kind: alb, in: public-a, scheme: internet-facing }")
    connections = []
    for d in range((n + 9) // 10):
        z = "ab"[d % 2]
        out.append(f"  redis-{d}: {{ kind: elasticache-redis, in: private-{z} }}")
        out.append(f"  rds-{d}: {{ kind: rds, in: private-{z} }}")
    for i in range(n):
        z = "ab"[i % 2]
        out.append(f"  svc-{i}: {{ kind: ecs-service, in: private-{z} }}")
        connections.append(f"  - alb -> svc-{i}")
        connections.append(f"  - svc-{i} -> redis-{i // 10}")
        connections.append(f"  - svc-{i} -> rds-{i // 10}")
        if i % 4 == 3:
            connections.append(f"  - svc-{i} -> svc-{i - 1}")
    out.append("connections:")
    out.extend(connections)
    print("\n".join(out))


def stages(count, groups):
    """Stages after the base: V2 adds a Lambda worker per group, V3 changes every group's
    first service and removes the last group's database; later ones change desired counts."""
    out = ["stages:", "  - name: V1", "    title: Base"]
    for number in range(2, count + 1):
        out += [f"  - name: V{number}", f"    title: Step {number}"]
        if number == 2:
            out += ["    add:", "      resources:"]
            out += [f"        worker-{g}: {{ kind: lambda, runtime: python3.12 }}" for g in range(groups)]
            out += ["      connections:"] + [f"        - worker-{g} -> redis-{g}: sessions" for g in range(groups)]
        else:
            out += ["    change:"] + [f"      svc-{g}-0: {{ desired: {number + 1} }}" for g in range(groups)]
            if number == 3:
                out.append(f"    remove: [db-{groups - 1}]")
    return out


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--services":
        services(int(sys.argv[2]))
        return
    stage_count = 1
    if "--stages" in sys.argv:
        at = sys.argv.index("--stages")
        stage_count = int(sys.argv[at + 1])
        del sys.argv[at:at + 2]
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = ["topograph: 1", f"name: synthetic-{target}", f"title: Synthetic topology of about {target} resources",
           "region: us-east-1", "resources:",
           "  users: { kind: user }",
           "  vpc: { kind: vpc, cidr: 10.0.0.0/16 }"]
    zones = ["a", "b"]
    for z in zones:
        out.append(f"  az-{z}: {{ kind: availability-zone, in: vpc, label: us-east-1{z} }}")
        out.append(f"  public-{z}: {{ kind: subnet, in: az-{z}, access: public, az: us-east-1{z} }}")
        out.append(f"  private-{z}: {{ kind: subnet, in: az-{z}, access: private, az: us-east-1{z} }}")
        out.append(f"  nat-{z}: {{ kind: nat-gateway, in: public-{z} }}")
    connections = []
    count = 2 + 4 * len(zones)
    group = 0
    while count < target:
        g = group
        out.append(f"  cluster-{g}: {{ kind: ecs-cluster, in: vpc, name: cluster-{g} }}")
        out.append(f"  alb-{g}: {{ kind: alb, in: vpc, scheme: internet-facing, listeners: [443], health_check: /health, subnets: [public-a, public-b] }}")
        out.append(f"  redis-{g}: {{ kind: elasticache-redis, in: private-{zones[g % 2]}, role: session-store, key_pattern: \"s{g}:*\", tls: true }}")
        out.append(f"  db-{g}: {{ kind: rds, in: private-{zones[(g + 1) % 2]}, engine: postgres }}")
        connections.append(f"  - users -> alb-{g}: HTTPS")
        count += 4
        for s in range(10):
            if count >= target:
                break
            sid = f"svc-{g}-{s}"
            out.append(f"  {sid}: {{ kind: ecs-service, in: cluster-{g}, launch: fargate, "
                       f"containers: [{{ name: app, image: app:1, port: 8080 }}], desired: 2, "
                       f"health_check: /health, service_connect: client-server, subnets: [private-a, private-b] }}")
            connections.append(f"  - alb-{g} -> {sid}: HTTP 8080")
            connections.append(f"  - {{ from: {sid}, to: redis-{g}, label: sessions, port: 6379 }}")
            connections.append(f"  - {{ from: {sid}, to: db-{g}, label: sql, port: 5432 }}")
            if s % 4 == 3:
                connections.append(f"  - {sid} -> svc-{g}-{s - 1}: service connect")
            count += 1
        group += 1
    out.append("connections:")
    out.extend(connections)
    if stage_count > 1:
        out.extend(stages(stage_count, group))
    print("\n".join(out))

if __name__ == "__main__":
    main()
