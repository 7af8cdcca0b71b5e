#!/usr/bin/env python3
"""Census of ../shared/iac-corpus through `topograph import`: per template type, how many
resources became a kind, were folded into another, were skipped with a reason, or have no kind
in the catalog. Usage: scripts/iac-census.py [TOPOGRAPH_BINARY] [CORPUS_DIR]
Prints the types without a kind (the catalog's gaps) first; exit 0 always (it reports)."""
import collections, os, re, subprocess, sys, tempfile

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/topograph"
corpus = sys.argv[2] if len(sys.argv) > 2 else "../shared/iac-corpus"
if not os.path.isdir(corpus):
    print(f"iac-census: {corpus} not found; skipped")
    sys.exit(0)

# Nested stacks: import the parent the corpus README names; other files in those folders are children.
parents = {
    "sp-eventbridge-pipes-msk-nested": "template.yaml", "ecom-orders-nested": "orders/template.yaml",
    "ecom-platform-nested": "platform/template.yaml", "ecs-refarch-cd-nested": "ecs-refarch-continuous-deployment.yaml",
    "ia-linux-bastion-new-vpc-nested": "linux-bastion-entrypoint-new-vpc.template.yaml",
    "qs-amazon-eks-nested": "templates/amazon-eks-entrypoint-new-vpc.template.yaml",
    "waf-security-automations-nested": "aws-waf-security-automations.template",
}
inputs = []
for folder in ("cloudformation", "sam"):
    base = os.path.join(corpus, folder)
    for name in sorted(os.listdir(base)):
        path = os.path.join(base, name)
        if os.path.isdir(path):
            parent = parents.get(name)
            if parent and os.path.exists(os.path.join(path, parent)):
                inputs.append(("cloudformation", os.path.join(path, parent)))
        elif name.endswith((".yaml", ".yml", ".json", ".template")):
            inputs.append(("cloudformation", path))
tf = os.path.join(corpus, "terraform")
for name in sorted(os.listdir(tf)):
    if name.endswith(".plan.json"):
        inputs.append(("terraform", os.path.join(tf, name)))

line = re.compile(r"^\s+(\S+) x(\d+): (folded|skipped): (.*?)(?: \(first at .*\))?$")
became = re.compile(r"^import: (\d+) template resources: (\d+) became resources")
outcomes = collections.defaultdict(collections.Counter)
totals = collections.Counter()
failed = []
with tempfile.TemporaryDirectory() as work:
    for index, (kind, path) in enumerate(inputs):
        out = os.path.join(work, f"{index}.yaml")
        # The corpus is not a git repository: its nested stacks reach ../shared/templates.
        reach = ["--allow-outside", corpus] if kind == "cloudformation" else []
        run = subprocess.run([binary, "import", kind, path, "-o", out, *reach], capture_output=True, text=True)
        if run.returncode != 0:
            failed.append(os.path.relpath(path, corpus))
        for text in run.stderr.splitlines():
            if m := became.match(text):
                totals["resources"] += int(m.group(1))
                totals["became"] += int(m.group(2))
            elif m := line.match(text):
                type_, count, outcome, reason = m.group(1), int(m.group(2)), m.group(3), m.group(4)
                key = "no kind" if reason.startswith("no kind") else outcome
                outcomes[type_][key] += count

gaps = sorted(((t, c["no kind"]) for t, c in outcomes.items() if c["no kind"]), key=lambda x: (-x[1], x[0]))
print(f"iac-census: {len(inputs)} inputs ({len(failed)} did not import), {totals['resources']} resources, {totals['became']} became resources")
print(f"types with no kind in the catalog: {len(gaps)} types, {sum(c for _, c in gaps)} resources")
for type_, count in gaps:
    print(f"  {count:4d}  {type_}")
if failed:
    print("did not import: " + ", ".join(failed))
