#!/usr/bin/env python3
"""Writes the same architecture as a topology file in two peers' languages, for the
benchmark: a minimal DOT (same nodes, edges and nested clusters as the topology; plain
labels, no styling) and a D2 file (containers for the same clusters).

    python3 scripts/bench/peer-sources.py TOPOLOGY.yaml OUT.dot OUT.d2

Reads the YAML with PyYAML (stages are ignored: the base resources and connections).
"""
import re
import sys

import yaml

CONTAINERS = {"vpc", "availability-zone", "subnet", "ecs-cluster", "generic"}


def main():
    source, dot_path, d2_path = sys.argv[1:4]
    topology = yaml.safe_load(open(source, encoding="utf-8"))
    resources = topology["resources"]
    children = {}
    for rid, resource in resources.items():
        children.setdefault(resource.get("in"), []).append(rid)
    edges = []
    for connection in topology.get("connections") or []:
        if isinstance(connection, str):
            text = connection
        elif "from" in connection:
            edges.append((connection["from"], connection["to"]))
            continue
        else:
            (text, _), = connection.items()
        tail, head = [part.strip() for part in text.split("->")]
        edges.append((tail, head))

    def is_container(rid):
        return resources[rid]["kind"] in CONTAINERS

    dot = ["digraph G {", "  compound=true; rankdir=LR;"]

    def emit_dot(parent, indent):
        for rid in children.get(parent, []):
            if is_container(rid):
                dot.append(f'{indent}subgraph "cluster_{rid}" {{ label="{rid}";')
                emit_dot(rid, indent + "  ")
                if not children.get(rid):
                    dot.append(f'{indent}  "{rid}__empty" [shape=point];')
                dot.append(f"{indent}}}")
            else:
                dot.append(f'{indent}"{rid}";')

    emit_dot(None, "  ")
    for tail, head in edges:
        dot.append(f'  "{tail}" -> "{head}";')
    dot.append("}")
    open(dot_path, "w", encoding="utf-8").write("\n".join(dot) + "\n")

    def d2_key(rid):
        return re.sub(r"[^A-Za-z0-9_]", "_", rid)

    paths = {}

    def emit_d2(parent, prefix, out):
        for rid in children.get(parent, []):
            path = prefix + d2_key(rid)
            paths[rid] = path
            if is_container(rid):
                out.append(f"{path}: {rid} {{}}")
                emit_d2(rid, path + ".", out)
            else:
                out.append(f"{path}: {rid}")

    d2 = ["direction: right"]
    emit_d2(None, "", d2)
    for tail, head in edges:
        d2.append(f"{paths[tail]} -> {paths[head]}")
    open(d2_path, "w", encoding="utf-8").write("\n".join(d2) + "\n")


if __name__ == "__main__":
    main()
