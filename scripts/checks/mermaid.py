#!/usr/bin/env python3
"""Checks that every label of a hostile-label fixture reaches the rendered Mermaid SVG as text.
Usage: mermaid.py LABELS_JSON DIAGRAM FIXTURE (LABELS_JSON from mermaid-check.py --labels-json)."""
import json, sys, yaml
labels_path, diagram, fixture = sys.argv[1:]
shown = json.load(open(labels_path, encoding="utf-8"))[diagram]
topology = yaml.safe_load(open(fixture, encoding="utf-8"))
wanted = [resource["label"] for resource in topology["resources"].values() if "label" in resource]
for connection in topology["connections"]:
    (_, label), = connection.items() if len(connection) == 1 else [(None, connection.get("label"))]
    if isinstance(label, str):
        wanted.append(label)
missing = [text for text in wanted if not any(text.replace("\n", "") in seen for seen in shown)]
for text in missing:
    print(f"hostile label not shown as written: {text!r}")
print(f"hostile labels round-trip through Mermaid: {len(wanted) - len(missing)}/{len(wanted)}")
sys.exit(1 if missing else 0)
