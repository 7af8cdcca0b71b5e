#!/usr/bin/env bash
# Import that holds on real infrastructure as code: every case of ../shared/iac-corpus/
# (public CloudFormation, SAM and Terraform nobody here wrote; the list and what each case
# must do are in Tests/Corpus/iac/corpus-cases.txt) goes through the real binary:
# `topograph import` exits 0 (a published template that is itself invalid is refused with
# exit 2 at its own file:line:column; a parent whose nested stacks are only on S3 imports
# with one summary warning and exits 1 with --strict), the import validates, and `drift` of
# the template against its own import exits 0. Prints resources, nestings and connections
# per case. The corpus is no git repository and lies outside the working directory, so its
# nested templates (`../../shared/templates/dlq.yaml`) are trusted with --allow-outside.
# Whether every resource whose type has a kind is recovered is the Swift test
# IaCCorpusTests (it needs the kind catalog's type table).
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/iac-corpus
if [ ! -d "$corpus" ]; then
    echo "iac-corpus: skipped: $corpus is absent (it sits beside the clone in CI; see Docs/import.md)"
    exit 0
fi
source scripts/lib.sh
build_topograph
scratch_dir
cases=Tests/Corpus/iac/corpus-cases.txt

failed=0
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

# Every template and plan of the corpus is a case (nested children are imported through their parent).
while IFS= read -r file; do
    grep -q "^${file#"$corpus"/}[ ]" "$cases" || fail "$file is not listed in $cases"
done < <(find "$corpus/cloudformation" "$corpus/sam" "$corpus/terraform" -maxdepth 1 -type f \( -name '*.yaml' -o -name '*.json' -o -name '*.template' \) | sort)

counts() {  # FILE: resources, nested ones (with `in:`) and connections of an imported topology
    "$PY" - "$1" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
resources = doc.get("resources") or {}
print(len(resources), sum(1 for r in resources.values() if "in" in r), len(doc.get("connections") or []))
PY
}

printf '%-58s %9s %9s %6s %11s %s\n' case template resources nested connections result
total_resources=0 total_nested=0 total_connections=0 cases_run=0
while read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    read -r -a words <<< "$line"
    source_file="$corpus/${words[0]}"
    expectation=ok
    inputs=()
    for word in "${words[@]:1}"; do
        case "$word" in
            +*) inputs+=("$corpus/${word#+}") ;;
            '!'*) expectation=${word#!} ;;
        esac
    done
    inputs+=("$source_file")
    kind=cloudformation
    case "$source_file" in *.plan.json) kind=terraform ;; esac
    name=$(echo "${words[0]}" | tr '/' '_')
    out="$work/$name.yaml"
    cases_run=$((cases_run + 1))
    set +e
    if [ "$kind" = terraform ]; then
        "$bin" import terraform "$source_file" -o "$out" 2> "$work/$name.err" > /dev/null
    else
        "$bin" import cloudformation "${inputs[@]}" --allow-outside "$corpus" -o "$out" 2> "$work/$name.err" > /dev/null
    fi
    status=$?
    set -e
    template=$(sed -n 's/.*import: \([0-9]*\) template resources.*/\1/p' "$work/$name.err" | head -1)
    if [ "$expectation" = invalid ]; then
        if [ "$status" -eq 2 ] && grep -qE "^$(printf '%s' "$source_file" | sed 's/[.[\*^$/]/\\&/g'):[0-9]+:[0-9]+: error:" "$work/$name.err"; then
            printf '%-58s %9s %9s %6s %11s %s\n' "${words[0]}" - - - - "refused at $(grep -oE ':[0-9]+:[0-9]+: error' "$work/$name.err" | head -1 | cut -d: -f2,3)"
        else
            cat "$work/$name.err"; fail "${words[0]}: published-invalid template: want exit 2 at its own file:line:column, got exit $status"
        fi
        continue
    fi
    if [ "$status" -ne 0 ]; then
        cat "$work/$name.err"; fail "${words[0]}: import exited $status"; continue
    fi
    if grep -q '<imported topology>' "$work/$name.err"; then
        fail "${words[0]}: a message points at <imported topology>, a file the user cannot open"
    fi
    "$bin" validate "$out" > "$work/$name.validate" 2>&1 || { cat "$work/$name.validate"; fail "${words[0]}: the import does not validate"; }
    set +e
    "$bin" drift "$out" --against "${inputs[@]}" --allow-outside "$corpus" > "$work/$name.drift" 2>&1
    drift=$?
    set -e
    [ "$drift" -eq 0 ] || { cat "$work/$name.drift"; fail "${words[0]}: drift against its own import exited $drift"; }
    result="ok"
    if [ "$expectation" = s3-nested ]; then
        grep -q 'nested-stack-not-found' "$work/$name.err" || fail "${words[0]}: no warning that nested stacks are not on disk"
        [ "$(grep -c 'nested-stack-not-found' "$work/$name.err")" -eq 1 ] || fail "${words[0]}: more than one warning about nested stacks not on disk"
        set +e
        "$bin" import cloudformation "${inputs[@]}" --allow-outside "$corpus" --strict > /dev/null 2>&1
        strict=$?
        set -e
        [ "$strict" -eq 1 ] || fail "${words[0]}: --strict with nested stacks not on disk exited $strict, not 1"
        result="ok (S3 children: warned, --strict exit $strict)"
    fi
    read -r resources nested connections < <(counts "$out")
    total_resources=$((total_resources + resources)) total_nested=$((total_nested + nested)) total_connections=$((total_connections + connections))
    printf '%-58s %9s %9s %6s %11s %s\n' "${words[0]}" "${template:-?}" "$resources" "$nested" "$connections" "$result"
done < "$cases"
printf '%-58s %9s %9s %6s %11s\n' "total ($cases_run cases)" "" "$total_resources" "$total_nested" "$total_connections"

# Every template type the corpus uses is a kind, folded into its owner or skipped with a
# reason; none is "no kind in the catalog" (scripts/iac-census.py prints the census per type).
gaps=$(cat "$work"/*.err | grep -E '^ +[^ ]+ x[0-9]+: skipped: no kind' | sed 's/ (first at .*//' | sort | uniq -c || true)
if [ -n "$gaps" ]; then
    echo "$gaps"; fail "template types with no kind in the catalog: add a kind, or fold or skip the type with a reason"
else
    echo "template types with no kind in the catalog: 0"
fi

# Planted drift: each edit of Tests/Corpus/iac/planted-edits.txt, applied to a scratch copy of
# its case, makes `drift` of the case's own import exit 1 and name the planted difference.
planted=0
while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    case_file=$(echo "$line" | awk -F' [|] ' '{print $1}')
    name=$(echo "$case_file" | tr '/' '_')
    extension=${case_file##*.}
    edited="$work/planted-$planted.$extension"
    if ! "$PY" - "$corpus/$case_file" "$edited" "$line" <<'PY'
import sys
source, target, line = sys.argv[1], sys.argv[2], sys.argv[3]
fields = line.split(" | ")
text, replacement = fields[1].replace("\\n", "\n"), fields[2].replace("\\n", "\n")
content = open(source).read()
if text not in content:
    print(f"  the planted edit's text is not in {source}: {fields[1]}")
    sys.exit(1)
open(target, "w").write(content.replace(text, replacement))
PY
    then fail "planted edit on $case_file no longer applies"; continue; fi
    planted=$((planted + 1))
    want=$(echo "$line" | awk -F' [|] ' '{print $4}')
    inputs=()
    for word in $(grep "^$case_file " "$cases"); do
        case "$word" in +*) inputs+=("$corpus/${word#+}") ;; esac
    done
    set +e
    "$bin" drift "$work/$name.yaml" --against "${inputs[@]}" "$edited" --format json > "$work/planted-$planted.json" 2> "$work/planted-$planted.err"
    status=$?
    set -e
    if [ "$status" -ne 1 ]; then cat "$work/planted-$planted.err"; fail "planted $case_file ($want): drift exited $status, not 1"; continue; fi
    if "$PY" -c 'import json, sys; found = {(f["code"], f["subject"]) for f in json.load(open(sys.argv[1]))["findings"]}; sys.exit(0 if tuple(sys.argv[2].split()) in found else 1)' "$work/planted-$planted.json" "$want"; then
        echo "planted $case_file: exit 1, names $want"
    else
        "$PY" -c 'import json, sys; [print("  found:", f["code"], f["subject"]) for f in json.load(open(sys.argv[1]))["findings"]]' "$work/planted-$planted.json"
        fail "planted $case_file: $want not reported"
    fi
done < Tests/Corpus/iac/planted-edits.txt
echo "iac-corpus: $failed failed"
[ "$failed" -eq 0 ]
