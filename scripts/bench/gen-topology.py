#!/usr/bin/env python3
"""Writes a synthetic topology with about N resources, shaped like a real deployment:
a VPC with AZs and public/private subnets, ECS clusters of services, an ALB per 10
services, a Redis and an RDS per 10 services, connections between tiers.

    scripts/bench/gen-topology.py 10000 > /tmp/big.yaml
"""
import sys

def main():
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = ["topograph: 1", f"name: synthetic-{target}", f"title: Synthetic topology of about {target} resources",
           "region: us-east-1", "resources:",
           "  users: { kind: user }",
           "  vpc: { kind: vpc, cidr: 10.0.0.0/8 }"]
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
    print("\n".join(out))

if __name__ == "__main__":
    main()
