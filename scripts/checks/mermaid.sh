#!/usr/bin/env bash
# Real-Mermaid check: every stage of every example, the hostile-label fixture and a
# 600-edge topology (which must come out as a collapsed view that renders) are rendered by
# topograph, then parsed and drawn by Mermaid 11 in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir

for example in Docs/examples/*.yaml; do
    "$bin" render "$example" --all-stages -o "$work/" 2>/dev/null
done
"$bin" render Tests/Fixtures/render/hostile-labels.yaml -o "$work/hostile.mmd"
"$PY" scripts/bench/gen-topology.py 250 > "$work/large.yaml"
"$bin" render "$work/large.yaml" -o "$work/large.mmd" 2>"$work/large.log"
grep -q "collapsed view" "$work/large.log" || { echo "large topology was not collapsed"; cat "$work/large.log"; exit 1; }
# Diff comments: marked-up diagrams of the example's stage changes and every diff fixture.
"$bin" diff Docs/examples/session-store.yaml --stages V1..V2 --format markdown > "$work/diff-v1-v2.md"
"$bin" diff Docs/examples/session-store.yaml --stages V2..V3 --format markdown > "$work/diff-v2-v3.md"
for pair in Tests/DiffPairs/*/; do
    old="$pair/old.yaml"; [ -e "$old" ] || old=/dev/null
    new="$pair/new.yaml"; [ -e "$new" ] || new=/dev/null
    "$bin" diff "$old" "$new" --format markdown > "$work/diff-$(basename "$pair").md"
done
# Markdown docs that embed Mermaid (architecture page, generated indexes) too.
"$bin" generate Docs/examples -o "$work/docs" --quiet
mapfile -t docs < <(find Docs "$work/docs" "$work" -maxdepth 3 -name '*.md' -print0 | xargs -0 grep -l '```mermaid' | sort -u)

"$PY" scripts/mermaid-check.py --quiet --labels-json "$work/labels.json" "$work"/*.mmd "${docs[@]}"

# Rendering is not enough: every hostile label must come out of Mermaid as the text the
# topology wrote (an entity Mermaid fails to decode still renders, as `#37`).
"$PY" scripts/checks/mermaid.py "$work/labels.json" "$work/hostile.mmd" Tests/Fixtures/render/hostile-labels.yaml

# The checker itself must fail on a broken diagram, or the check above proves nothing.
printf 'flowchart LR\n  a[[[ --> b\n' > "$work/broken.mmd"
if "$PY" scripts/mermaid-check.py --quiet "$work/broken.mmd" >/dev/null; then
    echo "mermaid-check accepted a broken diagram"
    exit 1
fi
echo "mermaid-check rejects a broken diagram: ok"
