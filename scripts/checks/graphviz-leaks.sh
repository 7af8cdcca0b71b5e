#!/usr/bin/env bash
# Leak check of the in-process Graphviz renderer under valgrind. Two questions:
# 1. Does Topograph forget to free anything it allocates through cgraph/gvc (a graph, a
#    layout, a render buffer)? Every definite leak outside Graphviz's own known ones
#    (suppressed by library function in scripts/valgrind.supp) fails the check.
# 2. Does memory lost per render grow beyond what Graphviz itself loses? Graphviz 2.43's
#    dot layout leaks on its own, about 50 KB per layout of the example (cluster skeleton
#    edges in build_skeleton, a subgraph made in dot_mincross, HTML-label parsing); the
#    suppressions hide those, so they could also hide a per-render leak of ours. The check
#    renders the example 10 and 100 times in one process and compares the growth of
#    everything lost (definite + indirect + suppressed) with `dot -Tsvg` laying out the
#    same DOT 10 and 100 times in one process: ours may not exceed dot's by more than 10%.
# valgrind 3.19 cannot read Swift 6's DWARF 5, so it runs a stripped copy.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "valgrind missing (scripts/setup.sh installs it)"; exit 1; }
command -v dot >/dev/null || { echo "dot missing (scripts/setup.sh installs graphviz)"; exit 1; }
source scripts/lib.sh
build_topograph
scratch_dir
cp "$bin" "$work/topograph"
strip "$work/topograph"

# The example's base resources as N stages that change nothing: one process, N renders of
# the same graph.
stages_file() { # $1 = N
    local file="$work/repeat-$1.yaml"
    sed '/^stages:/,$d' Docs/examples/session-store.yaml >"$file"
    echo "stages:" >>"$file"
    for i in $(seq "$1"); do echo "  - name: R$i" >>"$file"; done
    echo "$file"
}

memcheck() { # $1 = log, rest = command; fails on definite leaks outside the suppressions
    local log=$1
    shift
    # Swift runtime metadata set-up trips memcheck's uninitialised-value check (false
    # positives, not ours); this check is about leaks only.
    valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --undef-value-errors=no \
        --suppressions=scripts/valgrind.supp --error-exitcode=9 "$@" >"$log" 2>&1
}

# Sum of definite, indirect and suppressed bytes in a valgrind log's leak summary.
lost_bytes() {
    local sum
    sum=$(grep -oE '(definitely lost|indirectly lost|suppressed): [0-9,]+ bytes' "$1" | sed -E 's/.*: ([0-9,]+) bytes/\1/; s/,//g' | paste -sd+ | bc)
    [[ $sum =~ ^[0-9]+$ ]] || { echo "no leak summary in $1:" >&2; tail -20 "$1" >&2; exit 1; }
    echo "$sum"
}

ours() { # $1 = N
    local yaml
    yaml=$(stages_file "$1")
    memcheck "$work/ours-$1.log" "$work/topograph" render "$yaml" --all-stages --format svg -o "$work/out-$1/" --force || {
        # stdout is the caller's number: the report goes to stderr.
        { echo "valgrind reports definite leaks outside Graphviz's own (render of $1 stages):"
          grep -A14 'definitely lost in loss record' "$work/ours-$1.log" | head -80; } >&2
        exit 1
    }
    lost_bytes "$work/ours-$1.log"
}

theirs() { # $1 = N: dot laying out the same DOT N times in one process
    local inputs=()
    for _ in $(seq "$1"); do inputs+=("$work/example.dot"); done
    valgrind --leak-check=full --show-leak-kinds=definite --undef-value-errors=no \
        dot -Tsvg "${inputs[@]}" >/dev/null 2>"$work/dot-$1.log"
    lost_bytes "$work/dot-$1.log"
}

"$work/topograph" render "$(stages_file 1)" --stage R1 --format dot -o "$work/example.dot" --force >/dev/null 2>&1

# The other outputs once, for definite leaks only: PNG goes through cairo, DOT through no layout.
memcheck "$work/formats.log" "$work/topograph" render Docs/examples/session-store.yaml --all-stages --format png,dot -o "$work/formats/" --force || {
    echo "valgrind reports definite leaks outside Graphviz's own (PNG and DOT):"
    grep -A14 'definitely lost in loss record' "$work/formats.log" | head -80
    exit 1
}

ours10=$(ours 10)
ours100=$(ours 100)
dot10=$(theirs 10)
dot100=$(theirs 100)
ours_per=$(( (ours100 - ours10) / 90 ))
dot_per=$(( (dot100 - dot10) / 90 ))
echo "lost per render (growth from 10 to 100 renders): topograph ${ours_per} B, dot ${dot_per} B (Graphviz's own)"
# 10% and half a KB of slack: font and cairo caches settle differently in the two processes.
if (( ours_per * 100 > dot_per * 110 + 51200 )); then
    echo "topograph loses more per render than Graphviz itself: a leak of ours hides behind the suppressions"
    echo "(compare the stacks in valgrind --show-leak-kinds=definite,indirect without scripts/valgrind.supp)"
    exit 1
fi
echo "no definite leaks in Topograph's frames (SVG x10, x100, PNG, DOT); per-render loss within 10% of dot's own"
