#!/usr/bin/env bash
# Geometry of every Graphviz SVG topograph draws for the bundled examples and the shared
# corpus (every stage): no edge through a node, no edge label on a frame or away from its
# edge, no spanned subnet or zone left empty. Mermaid's drawing of the same stages (real
# Mermaid 11 in headless Chromium): within 2000 px wide, so GitHub's ~1000 px column keeps
# labels >= 8 px (render picks the view by its width estimate; the widest stage draws
# 1,880 px), and no subgraph title cut off or covered, no subgraph over its parent's border.
# Edge crossings are counted between data-flow edges and held at or below Mermaid's own
# layout of the same model; crossings involving what Mermaid does not draw (edges between
# per-subnet copies of spanning resources, dotted attribute references) are reported apart.
# Stage-to-stage stability is measured and held above a floor.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir
shopt -s nullglob
mkdir -p "$work/svg" "$work/mmd" "$work/mermaid"
for topology in Docs/examples/*.yaml Tests/Corpus/*.yaml; do
    "$bin" render "$topology" --all-stages --format svg -o "$work/svg/" 2>/dev/null
    "$bin" render "$topology" --all-stages --format mermaid -o "$work/mmd/" 2>/dev/null
done
# --frames: no subgraph title cut off or covered, no subgraph over its parent's border.
.venv/bin/python scripts/mermaid-check.py --quiet --frames --svg-dir "$work/mermaid" "$work"/mmd/*.mmd
.venv/bin/python scripts/svg-geometry.py --quiet --mermaid-dir "$work/mermaid" \
    --max-mermaid-width "${MERMAID_MAX_WIDTH:-2000}" --max-crossings-ratio 1 "$work"/svg/*.svg
# Stages of one topology are laid out with one ordering; persistent resources should keep
# their relative places (89% of pairs over the corpus; the floor catches a regression).
.venv/bin/python scripts/stage-stability.py --quiet --min-kept 0.85 "$work"/svg/*.svg

# The checker must see what it claims to: a drawing with an edge through a node fails.
python3 - "$work/bad.svg" <<'PY'
import sys
# A hand-written SVG: edge a->c drawn straight through node b.
open(sys.argv[1], "w").write("""<svg xmlns="http://www.w3.org/2000/svg"><g class="graph">
<g class="node"><title>a</title><polygon points="0,0 40,0 40,20 0,20"/></g>
<g class="node"><title>b</title><polygon points="100,0 140,0 140,20 100,20"/></g>
<g class="node"><title>c</title><polygon points="200,0 240,0 240,20 200,20"/></g>
<g class="edge"><title>a&#45;&gt;c</title><path d="M40,10 L200,10"/></g></g></svg>""")
PY
if .venv/bin/python scripts/svg-geometry.py --quiet "$work/bad.svg" >/dev/null; then
    echo "svg-geometry accepted an edge through a node"
    exit 1
fi
echo "svg-geometry rejects an edge through a node: ok"

# ... and a subgraph Mermaid widens to its long title over its parent's border fails too.
printf '%s\n' 'flowchart TB' '  x["x"]' '  subgraph az["zone"]' \
    '    subgraph sub["a very long subnet title, much wider than what it holds"]' '      n["n"]' '    end' \
    '    m["m"]' '  end' '  x --> n' '  x --> m' > "$work/frame.mmd"
if .venv/bin/python scripts/mermaid-check.py --quiet --frames "$work/frame.mmd" >/dev/null; then
    echo "mermaid-check --frames accepted a subgraph drawn over its parent's border"
    exit 1
fi
echo "mermaid-check --frames rejects a subgraph over its parent's border: ok"
