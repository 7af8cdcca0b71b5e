#!/usr/bin/env bash
# A docs tree generated here must check clean on any other machine: one whose fontconfig
# offers only DejaVu, one with no fonts at all, and whatever way the input path is
# spelled (relative, ./-prefixed, absolute, from another folder). Runs over the committed
# example tree and a fresh tree of the example plus every Tests/Corpus topology.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
build_topograph
bin="$PWD/$bin"
scratch_dir

dejavu=$(dirname "$(fc-match -f '%{file}' 'DejaVu Sans')")
[ -d "$dejavu" ] || { echo "fresh-machine: DejaVu fonts not found (fonts-dejavu-core)"; exit 1; }
fontconf() {  # fontconf NAME [FONT_DIR]: a fontconfig offering only FONT_DIR (or nothing)
    mkdir -p "$work/$1"
    printf '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>%s<cachedir>%s</cachedir></fontconfig>\n' \
        "${2:+<dir>$2</dir>}" "$work/$1/cache" > "$work/$1/fonts.conf"
    echo "$work/$1/fonts.conf"
}
only_dejavu=$(fontconf dejavu "$dejavu")
no_fonts=$(fontconf none)
[ "$(FONTCONFIG_FILE=$no_fonts fc-list | wc -l)" -eq 0 ] || { echo "fresh-machine: the no-font fontconfig still lists fonts"; exit 1; }

failures=0
expect_clean() {  # expect_clean LABEL DIR COMMAND...: COMMAND run in DIR exits 0
    local label=$1 dir=$2 out
    shift 2
    if ! out=$(cd "$dir" && "$@" 2>&1); then
        echo "FAIL ($label): $*"
        printf '%s\n' "$out" | head -20
        failures=$((failures + 1))
    fi
}

# The committed example tree, under both font setups.
for conf in "$only_dejavu" "$no_fonts"; do
    expect_clean "committed tree, $(basename "$(dirname "$conf")")" . env FONTCONFIG_FILE="$conf" "$bin" check Docs/examples -o Docs/examples/generated --quiet
done

# The same icons installed at another time and place (other modification times, another
# path, so other cached copies): pages and SVGs must come out byte for byte the same.
icons=$(dirname "$(dirname "$(find .venv/lib -path '*/resources/aws/compute/ec2.png' -print -quit 2>/dev/null || true)")")
if [ -d "$icons" ]; then
    mkdir -p "$work/icons" && cp -r "$icons" "$work/icons/aws"
    touch -d '2001-02-03 04:05:06' "$work/icons/aws"/*/*
    expect_clean "icons installed elsewhere, other mtimes" . env TOPOGRAPH_ICONS="$work/icons" TMPDIR="$work" "$bin" check Docs/examples -o Docs/examples/generated --quiet --strict
else
    echo "fresh-machine: no diagrams icons in .venv; the icon-placement case is skipped"
fi

# A fresh tree of every topology, generated with this machine's fonts.
mkdir -p "$work/inputs/corpus"
cp Docs/examples/session-store.yaml "$work/inputs/"
for f in Tests/Corpus/*.yaml; do [ -e "$f" ] && cp "$f" "$work/inputs/corpus/"; done
inputs="$work/repo/docs"
mkdir -p "$work/repo" && git init -q "$work/repo" && cp -r "$work/inputs" "$inputs"
(cd "$work/repo" && "$bin" generate docs -o docs/generated --quiet) || { echo "fresh-machine: generate failed"; exit 1; }
count=$(find "$work/repo/docs/generated" -name '*.svg' | wc -l)

for conf in "$only_dejavu" "$no_fonts"; do
    name=$(basename "$(dirname "$conf")")
    expect_clean "fresh tree, $name" "$work/repo" env FONTCONFIG_FILE="$conf" "$bin" check docs -o docs/generated --quiet --strict
done
expect_clean "./docs/" "$work/repo" "$bin" check ./docs/ -o docs/generated --quiet --strict
expect_clean "absolute path" "$work/repo" "$bin" check "$work/repo/docs" -o "$work/repo/docs/generated" --quiet --strict
expect_clean "from a subfolder" "$work/repo/docs" "$bin" check . -o generated --quiet --strict
expect_clean "from /" / "$bin" check "$work/repo//docs/corpus/../" -o "$work/repo/docs/generated" --quiet --strict

# No generated file may carry an absolute path of this machine.
if grep -rl "$work" "$work/repo/docs/generated" >/dev/null; then
    echo "FAIL: generated files contain the absolute path $work:"
    grep -rl "$work" "$work/repo/docs/generated" | head
    failures=$((failures + 1))
fi

# And check must notice a real change under the other fonts (the comparison can fail).
sed -i 's/^resources:$/resources:\n  added-by-check: { kind: lambda }/' "$work/repo/docs/session-store.yaml"
grep -q added-by-check "$work/repo/docs/session-store.yaml"
status=0
summary=$(cd "$work/repo" && FONTCONFIG_FILE="$no_fonts" "$bin" check docs -o docs/generated --quiet 2>&1) || status=$?
if [ "$status" -ne 1 ] || ! grep -q 'nodes added: added-by-check' <<<"$summary"; then
    echo "FAIL: check after adding a resource exited $status, wanted 1 with the added node named:"
    printf '%s\n' "$summary" | head -20
    failures=$((failures + 1))
fi

echo "fresh-machine: $count SVGs, 2 font setups x committed and fresh trees, icons elsewhere, 4 path spellings: $failures failures"
[ "$failures" -eq 0 ]
