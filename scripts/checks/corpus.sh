#!/usr/bin/env bash
# The shared corpus (Tests/Corpus/*.yaml, plus the bundled example): every file validates,
# lints clean (they are correct designs; a deliberate exception carries a suppression with
# its reason), and every stage renders as Mermaid and SVG and gets its runbooks.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir
files=(Tests/Corpus/*.yaml Docs/examples/*.yaml)
[ "${#files[@]}" -ge 13 ] || { echo "FAIL: the corpus has only ${#files[@]} files"; exit 1; }
passed=0
failed=0
for file in "${files[@]}"; do
    name=$(basename "$file" .yaml)
    out="$work/$name"
    problems=()
    "$bin" validate "$file" >/dev/null 2>"$work/err" || problems+=("validate: $(cat "$work/err")")
    "$bin" lint "$file" >"$work/lint" 2>&1 || problems+=("lint: $(cat "$work/lint")")
    "$bin" render "$file" --all-stages --format mermaid,svg -o "$out/" 2>"$work/err" || problems+=("render: $(cat "$work/err")")
    "$bin" runbook "$file" --all-stages -o "$out/runbooks/" 2>"$work/err" || problems+=("runbook: $(cat "$work/err")")
    stages=$("$bin" validate "$file" | sed -n 's/.*stages \(.*\))$/\1/p' | tr -d ',')
    for stage in ${stages:-default}; do
        if [ "$stage" = default ]; then pattern="$out/*.svg"; else pattern="$out/*-$stage.svg"; fi
        # shellcheck disable=SC2086
        ls $pattern >/dev/null 2>&1 || problems+=("no SVG for stage $stage")
    done
    if [ "${#problems[@]}" -eq 0 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s\n' "$file"
        printf '  %s\n' "${problems[@]}"
    fi
done
echo "corpus: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
