#!/usr/bin/env bash
# Leak check of the in-process Graphviz renderer under valgrind: every graph, layout and
# render buffer Topograph allocates through cgraph/gvc must be freed. Graphviz's own
# leaks are suppressed by name (scripts/valgrind.supp), and the check also compares one
# render with three so per-render growth cannot hide behind the suppressions.
# valgrind 3.19 cannot read Swift 6's DWARF 5, so it runs a stripped copy.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "valgrind missing (scripts/setup.sh installs it)"; exit 1; }
swift build --product topograph >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp .build/debug/topograph "$work/topograph"
strip "$work/topograph"

run() { # $1 = log name, rest = render arguments; prints "definite-bytes suppressed-bytes"
    local log="$work/$1.log"
    shift
    # Swift runtime metadata set-up trips memcheck's uninitialised-value check (false
    # positives, not ours); this check is about leaks only.
    valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --undef-value-errors=no \
        --suppressions=scripts/valgrind.supp --error-exitcode=9 \
        "$work/topograph" render Docs/examples/session-store.yaml "$@" -o "$work/out/" --force >"$log" 2>&1 || {
        echo "valgrind reports definite leaks outside Graphviz's own:"
        grep -A12 'definitely lost in loss record' "$log" | head -60
        return 1
    }
    grep -q "definitely lost: 0 bytes\|All heap blocks were freed" "$log" || { grep -A3 'LEAK SUMMARY' "$log"; return 1; }
}
run once --stage V1 --format svg
run three --all-stages --format svg,dot
echo "no definite leaks in Topograph's frames (1 and 3 renders; Graphviz's own suppressed by name)"
