#!/usr/bin/env bash
# Infrastructure as code, checked with real tools: every hand-written CloudFormation template
# under Tests/Corpus/cloudformation/ passes cfn-lint with no errors (warnings are reported);
# `topograph import` of each writes a topology that validates, and prints how much of the
# hand-written topology of the same name (Tests/Corpus/ or Docs/examples/) it recovered;
# `topograph drift` of each template against that topology exits 0; every planted-drift copy
# under planted/ exits 1 and names each difference its .expected file lists; the Terraform
# plan fixtures under Tests/Corpus/terraform/ import and drift the same way.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
build_topograph
scratch_dir
[ -x .venv/bin/cfn-lint ] || .venv/bin/pip install --quiet --disable-pip-version-check "$(grep '^cfn-lint' scripts/requirements.txt | cut -d' ' -f1)"

failed=0
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
topology_for() {
    local name=$1
    for candidate in "Tests/Corpus/$name.yaml" "Docs/examples/$name.yaml"; do
        [ -f "$candidate" ] && { echo "$candidate"; return 0; }
    done
    return 1
}

mapfile -t templates < <(find Tests/Corpus/cloudformation -name '*.yaml' | sort)
# cfn-lint exit status is a bit set: 2 means errors, 4 warnings, 8 informational.
set +e
.venv/bin/cfn-lint --format parseable "${templates[@]}" > "$work/cfn-lint.txt"
lint_status=$?
set -e
warnings=$(grep -c ':W' "$work/cfn-lint.txt" || true)
if (( lint_status & 2 )) || (( lint_status & 1 )); then
    grep ':E' "$work/cfn-lint.txt" || cat "$work/cfn-lint.txt"
    fail "cfn-lint reports errors"
fi
echo "cfn-lint: ${#templates[@]} templates, no errors, $warnings warnings"

printf '%-28s %-12s %-12s %-12s %s\n' template resources nestings connections drift
check_pair() {  # SOURCE TOPOLOGY KIND
    local source=$1 topology=$2 kind=$3 name
    name=$(basename "$source" | sed 's/\.plan\.json$//; s/\.yaml$//')
    if ! "$bin" import "$kind" "$source" --ids-from "$topology" -o "$work/$name.$kind.yaml" --quiet 2> "$work/$name.import.log"; then
        cat "$work/$name.import.log"; fail "import $kind $source"; return
    fi
    "$bin" validate "$work/$name.$kind.yaml" > /dev/null || fail "imported $source does not validate"
    local figures
    figures=$(sed -n 's/.*: resources \([0-9]*\/[0-9]*\), nestings \([0-9]*\/[0-9]*\), connections \([0-9]*\/[0-9]*\) recovered/\1 \2 \3/p' "$work/$name.import.log")
    set +e
    "$bin" drift "$topology" --against "$source" > "$work/$name.drift.txt" 2>&1
    local status=$?
    set -e
    [ "$status" -eq 0 ] || { cat "$work/$name.drift.txt"; fail "drift $topology vs $source exited $status, not 0"; }
    read -r resources nestings connections <<< "$figures"
    printf '%-28s %-12s %-12s %-12s %s\n' "$name ($kind)" "$resources" "$nestings" "$connections" "exit $status"
}
for template in "${templates[@]}"; do
    case "$template" in */planted/*) continue ;; esac
    name=$(basename "$template" .yaml)
    topology=$(topology_for "$name") || { fail "$template: no topology named $name in Tests/Corpus or Docs/examples"; continue; }
    check_pair "$template" "$topology" cloudformation
done
for plan in Tests/Corpus/terraform/*.plan.json; do
    [ -e "$plan" ] || continue
    name=$(basename "$plan" .plan.json)
    topology=$(topology_for "$name") || { fail "$plan: no topology named $name"; continue; }
    check_pair "$plan" "$topology" terraform
done

# Planted drift: exit 1, and each expected (code, subject) appears in the JSON report.
for planted in Tests/Corpus/cloudformation/planted/*.yaml Tests/Corpus/terraform/planted/*.plan.json; do
    [ -e "$planted" ] || continue
    name=$(basename "$planted" | sed 's/\.plan\.json$//; s/\.yaml$//')
    expected="${planted%.plan.json}"; expected="${expected%.yaml}.expected"
    topology=$(topology_for "$name") || { fail "$planted: no topology named $name"; continue; }
    set +e
    "$bin" drift "$topology" --against "$planted" --format json > "$work/planted-$name.json" 2> "$work/planted-$name.err"
    status=$?
    set -e
    [ "$status" -eq 1 ] || { cat "$work/planted-$name.err"; fail "planted drift $planted exited $status, not 1"; continue; }
    if ! .venv/bin/python - "$work/planted-$name.json" "$expected" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
found = {(f["code"], f["subject"]) for f in report["findings"]}
wanted = [tuple(line.split()) for line in open(sys.argv[2]) if line.strip() and not line.startswith("#")]
missing = [w for w in wanted if w not in found]
extra = sorted(found - set(wanted))
for code, subject in missing:
    print(f"  not reported: {code} {subject}")
for code, subject in extra:
    print(f"  reported but not planted: {code} {subject}")
sys.exit(1 if missing or extra else 0)
PY
    then fail "planted drift $planted"; else echo "planted $planted: exit 1, all $(grep -vc '^#' "$expected") planted differences named"; fi
done

# The drift PR comment is Markdown a reviewer reads: it must render with no live HTML.
"$bin" drift Docs/examples/session-store.yaml --against Tests/Corpus/cloudformation/planted/session-store.yaml --format markdown > "$work/drift.md" || true
if ! .venv/bin/python - "$work/drift.md" <<'PY'
import sys
from markdown_it import MarkdownIt
tokens = MarkdownIt("commonmark", {"html": True}).enable("table").parse(open(sys.argv[1]).read())
def walk(items):
    for token in items:
        yield token
        yield from walk(token.children or [])
html = [t for t in walk(tokens) if t.type in ("html_inline", "html_block")]
rows = [t for t in walk(tokens) if t.type == "tr_open"]
if html or len(rows) != 6:
    print(f"  drift markdown: {len(html)} HTML tokens, {len(rows)} table rows (want 0 and 6)")
    sys.exit(1)
PY
then fail "drift --format markdown"; else echo "drift markdown: renders with markdown-it-py, no HTML, one row per difference"; fi

echo "iac-import: $failed failed"
[ "$failed" -eq 0 ]
